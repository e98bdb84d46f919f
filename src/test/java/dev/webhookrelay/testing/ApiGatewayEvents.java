package dev.webhookrelay.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** API Gateway HTTP API events (payload format 2.0), as AWS hands them to the function. */
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {
    }

    /** Returns the event of a {@code GET} of {@code path}. */
    public static String get(String path) {
        ObjectNode event = (ObjectNode) Requests.parse(post(path, ""));
        event.remove("body");
        ((ObjectNode) event.at("/requestContext/http")).put("method", "GET");
        return event.toString();
    }

    /**
     * Returns {@code event} as API Gateway's IAM authorizer hands it on for a request signed by {@code userArn}: its
     * {@code requestContext.authorizer.iam}.
     */
    public static String signedBy(String event, String userArn) {
        ObjectNode parsed = (ObjectNode) Requests.parse(event);
        String account = userArn.split(":")[4];
        ((ObjectNode) parsed.get("requestContext")).putObject("authorizer").putObject("iam")
                .put("accessKey", "ASIAEXAMPLEKEY000001")
                .put("accountId", account)
                .put("callerId", "AROAEXAMPLEROLEID0001:session")
                .putNull("cognitoIdentity")
                .put("principalOrgId", "o-example0001")
                .put("userArn", userArn)
                .put("userId", "AROAEXAMPLEROLEID0001:session");
        return parsed.toString();
    }

    /** Returns {@code event} with the raw query string {@code query}, such as {@code dryRun=true}. */
    public static String withQuery(String event, String query) {
        ObjectNode parsed = (ObjectNode) Requests.parse(event);
        parsed.put("rawQueryString", query);
        return parsed.toString();
    }

    /** Returns the event of a JSON {@code POST} of {@code body} to {@code target}, a path and maybe a query. */
    public static String post(String target, String body) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        ObjectNode event = Requests.JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", query < 0 ? "" : target.substring(query + 1));
        event.putObject("headers").put("content-type", "application/json").put("accept", "application/json");
        ObjectNode context = event.putObject("requestContext");
        context.put("stage", "$default");
        context.put("requestId", "req-1");
        context.putObject("http").put("method", "POST").put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1");
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event.toString();
    }
}
