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
 * OpenAPI document, each once, and only client methods that exist; with the table of operations it does not cover, it
 * names every operation of the document: the lists cannot drift from the API.
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

    @Test
    void everyServerOperationIsListedCoveredOrNotCovered() throws Exception {
        List<String> listed = new ArrayList<>();
        rows().forEach(r -> listed.addAll(r.operations()));
        for (String line : tableLines("[[not-covered-operations]]")) {
            listed.addAll(operations(line.substring(1).split("\\s*\\|")[0]));
        }
        List<String> documented = new ArrayList<>();
        HexclaveContract.server().operations().forEach(o -> documented.add(o.method() + " " + o.path()));

        assertThat(listed).as("operations in client.adoc's two tables, each once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void theCoverageRatiosPerAreaMatchTheTable() throws Exception {
        Set<String> covered = new HashSet<>();
        rows().forEach(r -> covered.addAll(r.operations()));
        java.util.Map<String, int[]> expected = new java.util.TreeMap<>();
        HexclaveContract.server().operations().forEach(o -> {
            int[] counts = expected.computeIfAbsent(o.tag(), t -> new int[2]);
            counts[1]++;
            if (covered.contains(o.method() + " " + o.path())) {
                counts[0]++;
            }
        });
        List<String> expectedLines = new ArrayList<>();
        expected.forEach((tag, c) -> expectedLines.add("|" + tag + " |" + c[0] + " / " + c[1]));
        expectedLines.add("|*Server document* |*" + covered.size() + " / " + HexclaveContract.server().operations().size() + "*");

        String adoc = Files.readString(CLIENT_ADOC);
        String table = adoc.substring(adoc.indexOf("|===", adoc.indexOf("[[coverage]]")) + 4);
        table = table.substring(0, table.indexOf("|==="));
        List<String> documented = Arrays.stream(table.split("\n")).map(String::strip)
                .filter(l -> l.startsWith("|") && !l.startsWith("|Area")).toList();

        assertThat(documented).containsExactlyElementsOf(expectedLines);
    }

    /** The rows of the table after {@code anchor} that list operations (those starting with a backtick). */
    private static List<String> tableLines(String anchor) throws IOException {
        String adoc = Files.readString(CLIENT_ADOC);
        int start = adoc.indexOf(anchor);
        assertThat(start).as("the section " + anchor).isNotNegative();
        String table = adoc.substring(adoc.indexOf("|===", start) + 4);
        table = table.substring(0, table.indexOf("|==="));
        return Arrays.stream(table.split("\n")).filter(l -> l.startsWith("|`")).toList();
    }

    /** {@code `GET`/`POST /x`, `DELETE /y`} → {@code GET /x}, {@code POST /x}, {@code DELETE /y}. */
    private static List<String> operations(String cell) {
        List<String> operations = new ArrayList<>();
        for (String part : cell.replace("`", "").split(",\\s*")) {
            String[] methodsAndPath = part.strip().split(" ", 2);
            for (String method : methodsAndPath[0].split("/")) {
                operations.add(method + " " + methodsAndPath[1].strip());
            }
        }
        return operations;
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : tableLines("[[covered-operations]]")) {
            String[] cells = line.substring(1).split("\\s*\\|");
            List<String> operations = operations(cells[0]);
            String call = cells[1].replace("`", "").strip();
            String accessor = call.substring(0, call.indexOf("()."));
            List<String> methods = List.of(call.substring(call.indexOf("().") + 3).split("/"));
            rows.add(new Row(operations, accessor, methods));
        }
        return rows;
    }
}
