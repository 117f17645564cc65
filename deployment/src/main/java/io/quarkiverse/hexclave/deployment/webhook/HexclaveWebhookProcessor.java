package io.quarkiverse.hexclave.deployment.webhook;

import java.util.List;

import jakarta.inject.Singleton;

import io.quarkiverse.hexclave.deployment.HexclaveBuildTimeConfig;
import io.quarkiverse.hexclave.deployment.HexclaveEnabled;
import io.quarkiverse.hexclave.runtime.webhook.WebhookDeliveryLog;
import io.quarkiverse.hexclave.runtime.webhook.WebhookCacheInvalidation;
import io.quarkiverse.hexclave.runtime.webhook.WebhookRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.vertx.http.deployment.BodyHandlerBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;

/**
 * The webhook route: registered at build time at {@code quarkus.hexclave.webhook.path}, enabled at start-up only when
 * {@code quarkus.hexclave.webhook.secret} is set (a run-time value: the same build serves environments with and
 * without webhooks, and Dev Services can supply the secret).
 */
@BuildSteps(onlyIf = HexclaveEnabled.class)
class HexclaveWebhookProcessor {

    /** The name of the HTTP permission that lets deliveries past the application's own authentication rules. */
    static final String PERMISSION = "quarkus.http.auth.permission.hexclave-webhook.";

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerRoute(WebhookRecorder recorder, HexclaveBuildTimeConfig config, BodyHandlerBuildItem bodyHandler,
            BuildProducer<RouteBuildItem> routes, BuildProducer<SyntheticBeanBuildItem> beans) {
        var log = recorder.deliveryLog();
        beans.produce(SyntheticBeanBuildItem.configure(WebhookDeliveryLog.class).scope(Singleton.class)
                .unremovable().setRuntimeInit().runtimeValue(log).done());
        routes.produce(RouteBuildItem.builder()
                .routeFunction(config.webhook().path(), recorder.route(bodyHandler.getHandler()))
                .handler(recorder.handler(log))
                .blockingRoute()
                .build());
    }

    /** Delivered events make the extension's permission and profile caches forget what they changed. */
    @BuildStep
    AdditionalBeanBuildItem registerCacheInvalidation() {
        return AdditionalBeanBuildItem.unremovableOf(WebhookCacheInvalidation.class);
    }

    /**
     * Deliveries carry no user token: they authenticate by their signature. A permission of their exact path (more
     * specific than an application's {@code /*} rule, so it wins) lets them past HTTP permission policies.
     */
    @BuildStep
    List<RunTimeConfigurationDefaultBuildItem> permitDeliveries(HexclaveBuildTimeConfig config) {
        return List.of(new RunTimeConfigurationDefaultBuildItem(PERMISSION + "paths", config.webhook().path()),
                new RunTimeConfigurationDefaultBuildItem(PERMISSION + "policy", "permit"));
    }
}
