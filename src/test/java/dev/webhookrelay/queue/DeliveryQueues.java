package dev.webhookrelay.queue;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import dev.webhookrelay.secrets.MotoServer;

/** The delivery queue as template.yaml declares it, created on a moto server. */
public final class DeliveryQueues {

    private DeliveryQueues() {
    }

    /** Returns an SQS client for {@code moto}, with its dummy credentials. */
    public static SqsClient client(MotoServer moto) {
        return SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(MotoServer.REGION))
                .endpointOverride(moto.endpoint())
                .credentialsProvider(MotoServer.CREDENTIALS)
                .build();
    }

    /** Creates the queue {@code name} and returns its URL. */
    public static String create(MotoServer moto, String name) {
        try (SqsClient client = client(moto)) {
            return client.createQueue(request -> request.queueName(name)).queueUrl();
        }
    }
}
