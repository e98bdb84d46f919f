package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * How AWS errors become store failures, for the errors moto cannot produce (the moto-backed tests cover a real denial,
 * a real outage and a missing secret). Codes and statuses as AWS Secrets Manager's JSON protocol sends them.
 */
class AwsSecretsManagerFailureTest {

    private static final SecretRef REF = new SecretRef("tiny-ml", "GITHUB_TOKEN");
    private static final String ID = "wandb/tiny-ml/GITHUB_TOKEN";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # code                      | status | reason        | message
            # IAM and KMS denials: 422, naming the secret id and what to grant.
            AccessDeniedException       | 400    | ACCESS_DENIED | Access to secret wandb/tiny-ml/GITHUB_TOKEN denied (AccessDeniedException, HTTP 400): grant the function's role secretsmanager:GetSecretValue on wandb/tiny-ml/GITHUB_TOKEN
                                        | 403    | ACCESS_DENIED | Access to secret wandb/tiny-ml/GITHUB_TOKEN denied (HTTP 403): grant the function's role secretsmanager:GetSecretValue on wandb/tiny-ml/GITHUB_TOKEN
            DecryptionFailure           | 400    | ACCESS_DENIED | Secret wandb/tiny-ml/GITHUB_TOKEN cannot be decrypted (DecryptionFailure, HTTP 400): grant the function's role kms:Decrypt on the secret's KMS key
            UnrecognizedClientException | 400    | ACCESS_DENIED | AWS did not accept the function's credentials reading secret wandb/tiny-ml/GITHUB_TOKEN (UnrecognizedClientException, HTTP 400)
            InvalidClientTokenId        | 403    | ACCESS_DENIED | AWS did not accept the function's credentials reading secret wandb/tiny-ml/GITHUB_TOKEN (InvalidClientTokenId, HTTP 403)
            InvalidParameterException   | 400    | ACCESS_DENIED | AWS Secrets Manager refused to read secret wandb/tiny-ml/GITHUB_TOKEN (InvalidParameterException, HTTP 400)
            # Throttling and server errors: 503, retry later.
            ThrottlingException         | 400    | UNAVAILABLE   | AWS Secrets Manager is throttling reads of secret wandb/tiny-ml/GITHUB_TOKEN (ThrottlingException, HTTP 400)
                                        | 429    | UNAVAILABLE   | AWS Secrets Manager is throttling reads of secret wandb/tiny-ml/GITHUB_TOKEN (HTTP 429)
            InternalServiceError        | 500    | UNAVAILABLE   | AWS Secrets Manager failed to read secret wandb/tiny-ml/GITHUB_TOKEN (InternalServiceError, HTTP 500)
                                        | 503    | UNAVAILABLE   | AWS Secrets Manager failed to read secret wandb/tiny-ml/GITHUB_TOKEN (HTTP 503)
            """)
    void serviceErrorsMapToReasons(String code, int status, SecretStoreException.Reason reason, String message) {
        SecretsManagerException error = (SecretsManagerException) SecretsManagerException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("from AWS").build())
                .build();

        SecretStoreException failure = AwsSecretsManagerSecretStore.failure(REF, ID, error);

        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure).hasMessage(message).hasCause(error);
        assertThat(failure.ref()).isEqualTo(REF);
    }

    @Test
    void unreachableStoreIsUnavailableWithNetworkReason() {
        SdkClientException error = SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused"));

        SecretStoreException failure = AwsSecretsManagerSecretStore.failure(REF, ID, error);

        assertThat(failure.reason()).isEqualTo(SecretStoreException.Reason.UNAVAILABLE);
        assertThat(failure).hasMessage("AWS Secrets Manager did not answer for secret wandb/tiny-ml/GITHUB_TOKEN"
                + " (SdkClientException: ConnectException: Connection refused)");
    }

    @Test
    void timeoutIsUnavailable() {
        SecretStoreException failure = AwsSecretsManagerSecretStore.failure(REF, ID, ApiCallTimeoutException.create(5000));

        assertThat(failure.reason()).isEqualTo(SecretStoreException.Reason.UNAVAILABLE);
        assertThat(failure).hasMessage("AWS Secrets Manager did not answer for secret wandb/tiny-ml/GITHUB_TOKEN"
                + " (ApiCallTimeoutException: Client execution did not complete before the specified timeout"
                + " configuration: 5000 millis)");
    }

    /** A response that cannot be parsed may be quoted in the SDK's message: ours leaves that message out. */
    @Test
    void unparseableResponseMessageIsLeftOut() {
        SdkClientException error = SdkClientException.create(
                "Unable to unmarshall response: {\"SecretString\":\"ghp_leaked_value",
                new IOException("Unexpected end-of-input in {\"SecretString\":\"ghp_leaked_value"));

        SecretStoreException failure = AwsSecretsManagerSecretStore.failure(REF, ID, error);

        assertThat(failure.reason()).isEqualTo(SecretStoreException.Reason.UNAVAILABLE);
        assertThat(failure).hasMessage("AWS Secrets Manager did not answer for secret wandb/tiny-ml/GITHUB_TOKEN"
                + " (SdkClientException: IOException)");
        assertThat(failure.toString()).doesNotContain("ghp_leaked_value");
    }
}
