package dev.webhookrelay.secrets;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret id template of {@code relay.secrets.aws.name-template}, such as {@code wandb/{entity}/{name}}. Immutable.
 * {@link #parse} accepts only templates that map different {@link SecretRef}s to different ids, so that a request for
 * one entity can never name another entity's secret: each of {@code {entity}} and {@code {name}} appears exactly once,
 * no other placeholder appears, the text between the two holds a character that neither an entity nor a secret name
 * can hold (such as {@code /}), {@code {entity}} comes first and the id cannot end like a partial ARN, and the rest is
 * made of the characters AWS allows in secret names.
 */
final class NameTemplate {

    static final String ENTITY = "{entity}";
    static final String NAME = "{name}";

    /** Characters AWS Secrets Manager allows in a secret name, besides placeholders. */
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9/_+=.@-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");
    /** Characters of entity and secret names ({@link SecretRef}): a separator needs one that is not among them. */
    private static final Pattern NAME_CHARACTERS = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Pattern PARTIAL_ARN_SUFFIX = Pattern.compile("-[A-Za-z0-9]{6}$");

    private final String template;
    private final String prefix;
    private final String middle;
    private final String suffix;

    private NameTemplate(String template, String prefix, String middle, String suffix) {
        this.template = template;
        this.prefix = prefix;
        this.middle = middle;
        this.suffix = suffix;
    }

    /**
     * Returns the template {@code template}.
     *
     * @throws IllegalArgumentException if it could map two refs to one id, or could build an id AWS rejects
     */
    static NameTemplate parse(String template) {
        Objects.requireNonNull(template, "template == null");
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            String found = placeholder.group();
            if (!found.equals(ENTITY) && !found.equals(NAME)) {
                throw invalid(template, "has the unknown placeholder " + found + "; only {entity} and {name} exist");
            }
        }
        int entity = onlyIndexOf(template, ENTITY);
        int name = onlyIndexOf(template, NAME);
        // AWS may read an id ending in a hyphen and six characters as a partial ARN of another secret. Entity names
        // can end that way, secret names (no hyphen) cannot: so {name} comes last, and the text after it may not.
        if (name < entity) {
            throw invalid(template, "must put {entity} before {name}");
        }
        String prefix = template.substring(0, entity);
        String middle = template.substring(entity + ENTITY.length(), name);
        String suffix = template.substring(name + NAME.length());
        for (String literal : new String[] { prefix, middle, suffix }) {
            if (!LITERAL.matcher(literal).matches()) {
                throw invalid(template, "may hold only letters, digits and /_+=.@- besides {entity} and {name}");
            }
        }
        // Were the text between the placeholders made only of name characters, wandb/{entity}{name} would give
        // (a, bX) and (ab, X) the same id: one entity could read another's secret.
        if (NAME_CHARACTERS.matcher(middle).matches()) {
            throw invalid(template, "must separate {entity} and {name} by a character that names cannot hold, "
                    + "such as '/'");
        }
        if (PARTIAL_ARN_SUFFIX.matcher(suffix).find()) {
            throw invalid(template, "must not end with a hyphen and six characters, which AWS reads as a partial ARN");
        }
        return new NameTemplate(template, prefix, middle, suffix);
    }

    /** Returns the secret id of {@code ref}. */
    String secretId(SecretRef ref) {
        return prefix + ref.entity() + middle + ref.name() + suffix;
    }

    @Override
    public String toString() {
        return template;
    }

    private static int onlyIndexOf(String template, String placeholder) {
        int index = template.indexOf(placeholder);
        if (index < 0 || template.indexOf(placeholder, index + 1) >= 0) {
            throw invalid(template, "must hold " + placeholder + " exactly once");
        }
        return index;
    }

    private static IllegalArgumentException invalid(String template, String problem) {
        return new IllegalArgumentException("relay.secrets.aws.name-template " + problem + ": " + template);
    }
}
