package dev.webhookrelay.tenancy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM principal ARNs in the one form tenancy compares: an STS assumed-role session
 * {@code arn:<partition>:sts::<account>:assumed-role/<role>/<session>} becomes its role
 * {@code arn:<partition>:iam::<account>:role/<role>}, and a role ARN loses its path, which a session ARN does not
 * carry (role names are unique in an account whatever their path). Any other ARN is kept as it is.
 */
final class PrincipalArn {

    private static final Pattern ASSUMED_ROLE = Pattern.compile("arn:([a-z-]+):sts::(\\d{12}):assumed-role/([^/]+)/[^/]+");
    private static final Pattern ROLE = Pattern.compile("arn:([a-z-]+):iam::(\\d{12}):role/(?:.*/)?([^/]+)");

    private PrincipalArn() {
    }

    /** Returns {@code arn} in the form tenancy compares. */
    static String canonical(String arn) {
        Matcher session = ASSUMED_ROLE.matcher(arn);
        if (session.matches()) {
            return role(session);
        }
        Matcher role = ROLE.matcher(arn);
        return role.matches() ? role(role) : arn;
    }

    private static String role(Matcher matched) {
        return "arn:" + matched.group(1) + ":iam::" + matched.group(2) + ":role/" + matched.group(3);
    }
}
