package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.runtime.mutiny.MutinyHexclaveClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The Mutiny client keeps up with the core: every sub-API of {@link HexclaveClient} has its Mutiny twin, every public
 * {@code xAsync(…)} returning {@code CompletionStage<T>} a {@code x(…)} returning {@code Uni<T>} with the same
 * parameters, and every {@code listAll(…)} returning {@code Stream<T>} a {@code listAll(…)} returning
 * {@code Multi<T>}. A call added to the core without its twin fails this test.
 */
class MutinyClientCompletenessTest {

    @Test
    void everyAsyncCallOfEverySubApiHasAMutinyTwin() throws Exception {
        List<String> missing = new ArrayList<>();
        int groups = 0;
        int calls = 0;
        for (Method group : HexclaveClient.class.getMethods()) {
            if (group.getParameterCount() != 0 || !group.getReturnType().getSimpleName().endsWith("Api")) {
                continue;
            }
            groups++;
            Method twinGroup = twin(MutinyHexclaveClient.class, group.getName(), group.getParameterTypes());
            if (twinGroup == null || !twinGroup.getReturnType().getSimpleName()
                    .equals("Mutiny" + group.getReturnType().getSimpleName())) {
                missing.add("MutinyHexclaveClient." + group.getName() + "() returning Mutiny"
                        + group.getReturnType().getSimpleName());
                continue;
            }
            for (Method call : group.getReturnType().getMethods()) {
                if (Modifier.isStatic(call.getModifiers()) || call.getDeclaringClass() == Object.class) {
                    continue;
                }
                String expected;
                Class<?> wrapper;
                if (call.getName().endsWith("Async") && call.getReturnType() == CompletionStage.class) {
                    expected = call.getName().substring(0, call.getName().length() - "Async".length());
                    wrapper = Uni.class;
                } else if (call.getName().equals("listAll") && call.getReturnType() == Stream.class) {
                    expected = "listAll";
                    wrapper = Multi.class;
                } else {
                    continue;
                }
                calls++;
                Method mutiny = twin(twinGroup.getReturnType(), expected, call.getParameterTypes());
                if (mutiny == null || mutiny.getReturnType() != wrapper
                        || !typeArgument(mutiny).equals(typeArgument(call))) {
                    missing.add(twinGroup.getReturnType().getSimpleName() + "." + expected
                            + Arrays.toString(call.getParameterTypes()) + " returning " + wrapper.getSimpleName() + "<"
                            + typeArgument(call).getTypeName() + ">");
                }
            }
        }
        assertThat(groups).as("sub-APIs found (the test still sees the core)").isGreaterThanOrEqualTo(13);
        assertThat(calls).as("async calls found").isGreaterThanOrEqualTo(60);
        assertThat(missing).as("core calls without a Mutiny twin").isEmpty();
    }

    private static Method twin(Class<?> type, String name, Class<?>[] parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Type typeArgument(Method method) {
        return ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
    }
}
