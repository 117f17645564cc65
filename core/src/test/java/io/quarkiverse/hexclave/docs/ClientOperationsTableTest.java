package io.quarkiverse.hexclave.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.contract.HexclaveContract;

/**
 * The table "Server operations the client covers" in {@code client.adoc} names only operations of Hexclave's server
 * OpenAPI document, each once, and only client methods that exist: the list cannot drift from the API.
 */
class ClientOperationsTableTest {

    private static final Path CLIENT_ADOC = Path.of("..", "docs", "modules", "ROOT", "pages", "client.adoc");

    record Row(List<String> operations, String accessor, List<String> methods) {
    }

    @Test
    void everyListedOperationIsDocumentedAndEveryListedMethodExists() throws Exception {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThan(15);
        Set<String> documented = new HashSet<>();
        HexclaveContract.server().operations().forEach(o -> documented.add(o.method() + " " + o.path()));

        Set<String> seen = new HashSet<>();
        for (Row row : rows) {
            for (String op : row.operations()) {
                assertThat(documented).as("server OpenAPI operations").contains(op);
                assertThat(seen.add(op)).as(op + " listed once").isTrue();
            }
            Method accessor = HexclaveClient.class.getMethod(row.accessor());
            Set<String> names = new HashSet<>();
            Arrays.stream(accessor.getReturnType().getMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                    .forEach(m -> names.add(m.getName()));
            assertThat(names).as(row.accessor() + "()'s public methods").containsAll(row.methods());
        }
    }

    private static List<Row> rows() throws IOException {
        String adoc = Files.readString(CLIENT_ADOC);
        int start = adoc.indexOf("[[covered]]");
        assertThat(start).as("the covered-operations section").isNotNegative();
        String table = adoc.substring(adoc.indexOf("|===", start) + 4);
        table = table.substring(0, table.indexOf("|==="));
        List<Row> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (!line.startsWith("|`")) {
                continue; // header and blank lines
            }
            String[] cells = line.substring(1).split("\\s*\\|");
            String ops = cells[0].replace("`", "");
            List<String> operations = new ArrayList<>();
            for (String part : ops.split(",\\s*")) {
                String[] methodsAndPath = part.strip().split(" ", 2);
                for (String method : methodsAndPath[0].split("/")) {
                    operations.add(method + " " + methodsAndPath[1].strip());
                }
            }
            String call = cells[1].replace("`", "").strip();
            String accessor = call.substring(0, call.indexOf("()."));
            List<String> methods = List.of(call.substring(call.indexOf("().") + 3).split("/"));
            rows.add(new Row(operations, accessor, methods));
        }
        return rows;
    }
}
