package io.quarkiverse.hexclave.deployment;

import java.util.List;
import java.util.TreeSet;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import io.quarkiverse.hexclave.runtime.HexclaveConfig;
import io.quarkiverse.hexclave.runtime.internal.HexclaveConfigFallback;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.pkg.steps.NativeOrNativeSourcesBuild;
import io.quarkus.security.deployment.JCAProviderBuildItem;

/**
 * Native-image registrations: TLS for calls to Hexclave, the configured JCA provider, and reflection for the
 * client's JSON model (Jackson binds it reflectively).
 */
@BuildSteps(onlyIf = HexclaveEnabled.class)
class HexclaveNativeProcessor {

    /** The client's JSON records (users, sessions, teams, errors …), registered as a whole package. */
    static final String CLIENT_MODEL_PACKAGE = "io.quarkiverse.hexclave.client.model";
    static final String CORE_GROUP_ID = "io.quarkiverse.hexclave";
    static final String CORE_ARTIFACT_ID = "hexclave-core";

    /** JWKS and API calls go to Hexclave over HTTPS. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem enableSslInNative() {
        return new ExtensionSslNativeSupportBuildItem(HexclaveProcessor.FEATURE);
    }

    /** The provider named by {@code quarkus.hexclave.jca-provider}, if any. */
    @BuildStep
    JCAProviderBuildItem registerJcaProvider(HexclaveBuildTimeConfig config) {
        return config.jcaProviderOrFallback().map(JCAProviderBuildItem::new)
                .orElse(null);
    }

    /** The core jar, so that the client model can be listed from the Jandex index, not by scanning the class path. */
    @BuildStep
    IndexDependencyBuildItem indexCore() {
        return new IndexDependencyBuildItem(CORE_GROUP_ID, CORE_ARTIFACT_ID);
    }

    /** Jackson reads and writes the client model reflectively: constructors, accessors and fields. */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    void registerClientModel(CombinedIndexBuildItem index, BuildProducer<ReflectiveClassBuildItem> reflective) {
        List<String> classes = classesInPackage(index.getIndex(), CLIENT_MODEL_PACKAGE);
        if (!classes.isEmpty()) {
            reflective.produce(ReflectiveClassBuildItem.builder(classes).constructors().methods().fields()
                    .reason(HexclaveNativeProcessor.class.getName()).build());
        }
    }

    /** The config mapping and its fallback are built reflectively by SmallRye Config. */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    ReflectiveClassBuildItem registerConfigClasses() {
        return ReflectiveClassBuildItem.builder(HexclaveConfigFallback.class, HexclaveConfig.class)
                .constructors().methods().reason(HexclaveNativeProcessor.class.getName()).build();
    }

    /** Every class (nested ones included) directly in {@code packageName}, sorted. */
    static List<String> classesInPackage(IndexView index, String packageName) {
        TreeSet<String> names = new TreeSet<>();
        for (ClassInfo c : index.getClassesInPackage(DotName.createSimple(packageName))) {
            if (!c.name().local().equals("package-info")) {
                names.add(c.name().toString());
            }
        }
        return List.copyOf(names);
    }
}
