package dev.webhookrelay.secrets;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The Secrets Manager client's HTTP client: every request goes to {@code delegate}, except the one that
 * {@link AwsSecretsManagerSecretStore#prime} marks with {@link AwsSecretsManagerSecretStore#PRIMING_HEADER}, which is
 * answered here with a canned {@code GetSecretValue} response and never sent. So priming runs the SDK's whole request
 * and response path without the network, AWS or a secret.
 */
final class PrimingHttpClient implements SdkHttpClient {

    private static final byte[] CANNED = """
            {"ARN":"arn:aws:secretsmanager:us-east-1:000000000000:secret:priming","Name":"priming",\
            "SecretString":"priming","VersionId":"priming","VersionStages":["AWSCURRENT"],"CreatedDate":0}"""
            .getBytes(StandardCharsets.UTF_8);

    private final SdkHttpClient delegate;

    PrimingHttpClient(SdkHttpClient delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate == null");
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (request.httpRequest().firstMatchingHeader(AwsSecretsManagerSecretStore.PRIMING_HEADER).isEmpty()) {
            return delegate.prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.1")
                                .putHeader("Content-Length", Integer.toString(CANNED.length))
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(CANNED)))
                        .build();
            }

            @Override
            public void abort() {
                // Nothing in flight.
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
