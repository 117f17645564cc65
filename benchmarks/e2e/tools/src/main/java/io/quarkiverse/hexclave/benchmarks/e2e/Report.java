package io.quarkiverse.hexclave.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the raw measurements written by {@code run.sh} into {@code <name>.json} and {@code <name>.md}: requests/s per
 * scenario and application, the ratios of each round (measured back to back) and their median, start-up times and RSS.
 *
 * <pre>
 * java -cp e2e-tools.jar:lib/* io.quarkiverse.hexclave.benchmarks.e2e.Report &lt;raw.tsv&gt; &lt;meta.env&gt; &lt;out.json&gt; &lt;out.md&gt;
 * </pre>
 *
 * raw.tsv holds tab-separated lines:
 * <ul>
 * <li>{@code tp round scenario app requests_per_s requests seconds non_2xx socket_errors tokens_reused}</li>
 * <li>{@code start n app first_answer_ms quarkus_started_s rss_kb}</li>
 * </ul>
 * meta.env holds {@code key=value} lines copied into the report as they are.
 */
public final class Report {

    static final String HEXCLAVE = "hexclave";
    static final String SMALLRYE_JWT = "smallrye-jwt";
    /** The same app behind a bearer mechanism that checks nothing: what Quarkus security itself costs. */
    static final String FLOOR = "floor";
    static final List<String> APPS = List.of(HEXCLAVE, SMALLRYE_JWT, FLOOR);
    static final List<String> SCENARIOS = List.of("public", "repeated", "distinct");

    record Throughput(int round, String scenario, String app, double rps, long requests, double seconds, long non2xx,
            long socketErrors, long tokensReused) {
    }

    record Start(int n, String app, long firstAnswerMillis, Double quarkusStartedSeconds, long rssKb) {
    }

    /** A ratio of two figures of the same round, e.g. repeated ÷ public of one app. */
    record Ratio(String name, String description, String numeratorApp, String numeratorScenario, String denominatorApp,
            String denominatorScenario) {
    }

    static final List<Ratio> RATIOS = List.of(
            new Ratio("hexclave.repeated_over_public",
                    "hexclave: authenticated, same token every request ÷ public endpoint without a token",
                    HEXCLAVE, "repeated", HEXCLAVE, "public"),
            new Ratio("floor.repeated_over_public",
                    "floor (Quarkus security with a mechanism that checks nothing): authenticated ÷ public endpoint "
                            + "— the most any mechanism can reach",
                    FLOOR, "repeated", FLOOR, "public"),
            new Ratio("repeated.hexclave_over_floor",
                    "same token every request: hexclave ÷ floor (what verifying costs on top of Quarkus security)",
                    HEXCLAVE, "repeated", FLOOR, "repeated"),
            new Ratio("smallrye-jwt.repeated_over_public",
                    "smallrye-jwt: authenticated, same token every request ÷ public endpoint without a token",
                    SMALLRYE_JWT, "repeated", SMALLRYE_JWT, "public"),
            new Ratio("distinct.hexclave_over_smallrye-jwt",
                    "a different token every request (cold verified-token cache): hexclave ÷ smallrye-jwt",
                    HEXCLAVE, "distinct", SMALLRYE_JWT, "distinct"),
            new Ratio("repeated.hexclave_over_smallrye-jwt",
                    "same token every request: hexclave ÷ smallrye-jwt",
                    HEXCLAVE, "repeated", SMALLRYE_JWT, "repeated"),
            new Ratio("public.hexclave_over_smallrye-jwt",
                    "public endpoint, no token: hexclave ÷ smallrye-jwt (the apps differ only in the security "
                            + "extension: far from 1.0 means noise or a cost outside authentication)",
                    HEXCLAVE, "public", SMALLRYE_JWT, "public"));

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("Usage: Report <raw.tsv> <meta.env> <out.json> <out.md>");
            System.exit(2);
        }
        List<Throughput> throughput = new ArrayList<>();
        List<Start> starts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f[0].equals("tp")) {
                throughput.add(new Throughput(Integer.parseInt(f[1]), f[2], f[3], Double.parseDouble(f[4]),
                        Long.parseLong(f[5]), Double.parseDouble(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                        Long.parseLong(f[9])));
            } else if (f[0].equals("start")) {
                starts.add(new Start(Integer.parseInt(f[1]), f[2], Long.parseLong(f[3]),
                        f[4].equals("-") ? null : Double.valueOf(f[4]), Long.parseLong(f[5])));
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                meta.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode json = mapper.createObjectNode();
        ObjectNode metaNode = json.putObject("settings");
        meta.forEach(metaNode::put);
        List<String> warnings = warnings(throughput);

        ObjectNode tpNode = json.putObject("requests_per_second");
        for (String app : APPS) {
            ObjectNode appNode = tpNode.putObject(app);
            for (String scenario : SCENARIOS) {
                List<Throughput> runs = select(throughput, app, scenario);
                if (!runs.isEmpty()) {
                    ObjectNode s = appNode.putObject(scenario);
                    summary(s, values(runs, Throughput::rps));
                    ArrayNode raw = s.putArray("runs");
                    for (Throughput t : runs) {
                        raw.addObject().put("round", t.round()).put("requests_per_second", round(t.rps(), 1))
                                .put("requests", t.requests()).put("seconds", round(t.seconds(), 2))
                                .put("non_2xx", t.non2xx()).put("socket_errors", t.socketErrors())
                                .put("tokens_reused", t.tokensReused());
                    }
                }
            }
        }

        ObjectNode ratioNode = json.putObject("ratios");
        Map<String, List<Double>> ratios = ratios(throughput);
        for (Ratio r : RATIOS) {
            List<Double> perRound = ratios.get(r.name());
            if (perRound != null && !perRound.isEmpty()) {
                ObjectNode n = ratioNode.putObject(r.name());
                n.put("description", r.description());
                summary(n, perRound);
                ArrayNode a = n.putArray("per_round");
                perRound.forEach(v -> a.add(round(v, 3)));
            }
        }

        ObjectNode startNode = json.putObject("startup");
        for (String app : APPS) {
            List<Start> s = starts.stream().filter(x -> x.app().equals(app)).toList();
            if (s.isEmpty()) {
                continue;
            }
            ObjectNode a = startNode.putObject(app);
            ObjectNode first = a.putObject("first_answer_ms");
            summary(first, s.stream().map(x -> (double) x.firstAnswerMillis()).toList());
            ArrayNode firstRaw = first.putArray("runs");
            s.forEach(x -> firstRaw.add(x.firstAnswerMillis()));
            List<Double> started = s.stream().map(Start::quarkusStartedSeconds).filter(v -> v != null).toList();
            if (!started.isEmpty()) {
                ObjectNode q = a.putObject("quarkus_started_in_s");
                summary(q, started);
                ArrayNode qRaw = q.putArray("runs");
                started.forEach(qRaw::add);
            }
            ObjectNode rss = a.putObject("rss_mb_after_first_authenticated_request");
            summary(rss, s.stream().map(x -> x.rssKb() / 1024.0).toList());
            ArrayNode rssRaw = rss.putArray("runs");
            s.forEach(x -> rssRaw.add(round(x.rssKb() / 1024.0, 1)));
        }
        ArrayNode w = json.putArray("warnings");
        warnings.forEach(w::add);

        Files.writeString(Path.of(args[2]), mapper.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        String md = markdown(meta, throughput, ratios, starts, warnings);
        Files.writeString(Path.of(args[3]), md, StandardCharsets.UTF_8);
        System.out.print(md);
    }

    static List<String> warnings(List<Throughput> throughput) {
        List<String> warnings = new ArrayList<>();
        for (Throughput t : throughput) {
            String run = "round " + t.round() + ", " + t.app() + ", " + t.scenario();
            if (t.non2xx() > 0) {
                warnings.add(run + ": " + t.non2xx() + " answers were not 2xx: the figure is not valid");
            }
            if (t.socketErrors() > 0) {
                warnings.add(run + ": " + t.socketErrors() + " socket errors or time-outs");
            }
            if (t.tokensReused() > 0) {
                warnings.add(run + ": " + t.tokensReused() + " tokens were sent a second time (raise --tokens): "
                        + "the verified-token cache may have answered them");
            }
        }
        return warnings;
    }

    /** For each ratio, one value per round in which both figures were measured. */
    static Map<String, List<Double>> ratios(List<Throughput> throughput) {
        Map<Integer, Map<String, Double>> byRound = new TreeMap<>();
        for (Throughput t : throughput) {
            byRound.computeIfAbsent(t.round(), r -> new LinkedHashMap<>()).put(t.app() + "/" + t.scenario(), t.rps());
        }
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (Ratio r : RATIOS) {
            List<Double> values = new ArrayList<>();
            for (Map<String, Double> round : byRound.values()) {
                Double num = round.get(r.numeratorApp() + "/" + r.numeratorScenario());
                Double den = round.get(r.denominatorApp() + "/" + r.denominatorScenario());
                if (num != null && den != null && den > 0) {
                    values.add(num / den);
                }
            }
            out.put(r.name(), values);
        }
        return out;
    }

    static String markdown(Map<String, String> meta, List<Throughput> throughput, Map<String, List<Double>> ratios,
            List<Start> starts, List<String> warnings) {
        StringBuilder md = new StringBuilder();
        md.append("# End-to-end benchmark: quarkus-hexclave vs quarkus-smallrye-jwt\n\n");
        md.append("| setting | value |\n|---|---|\n");
        meta.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));

        md.append("\n## Requests per second (median of the rounds; each round's figures in brackets)\n\n");
        md.append("| scenario | ").append(String.join(" | ", APPS)).append(" |\n|---").append("|---".repeat(APPS.size()))
                .append("|\n");
        for (String scenario : SCENARIOS) {
            md.append("| ").append(scenario);
            for (String app : APPS) {
                List<Throughput> runs = select(throughput, app, scenario);
                md.append(" | ");
                if (!runs.isEmpty()) {
                    md.append(fmt(median(values(runs, Throughput::rps)), 0)).append(" (");
                    md.append(String.join(", ", runs.stream().map(t -> fmt(t.rps(), 0)).toList())).append(")");
                }
            }
            md.append(" |\n");
        }
        md.append("\npublic: `GET /public`, no token. repeated: `GET /me` (`@Authenticated`), the same token on every ")
                .append("request. distinct: `GET /me`, every request a token that application has not seen before. floor: the same ")
                .append("application behind a bearer mechanism that accepts any token without looking at it (no distinct ")
                .append("scenario).\n");

        md.append("\n## Ratios (per round, measured back to back; median and range of the rounds)\n\n");
        md.append("| ratio | median | min – max | per round |\n|---|---|---|---|\n");
        for (Ratio r : RATIOS) {
            List<Double> v = ratios.get(r.name());
            if (v == null || v.isEmpty()) {
                continue;
            }
            md.append("| ").append(r.description()).append(" | **").append(fmt(median(v), 2)).append("** | ")
                    .append(fmt(Collections.min(v), 2)).append(" – ").append(fmt(Collections.max(v), 2)).append(" | ")
                    .append(String.join(", ", v.stream().map(x -> fmt(x, 3)).toList())).append(" |\n");
        }

        if (!starts.isEmpty()) {
            md.append("\n## Start-up and memory (packaged fast-jar, each start a new JVM)\n\n");
            md.append("| app | first HTTP answer (ms) | Quarkus \"started in\" (s) | RSS after the first "
                    + "authenticated request (MB) |\n|---|---|---|---|\n");
            for (String app : APPS) {
                List<Start> s = starts.stream().filter(x -> x.app().equals(app)).toList();
                if (s.isEmpty()) {
                    continue;
                }
                md.append("| ").append(app).append(" | ")
                        .append(String.join(", ", s.stream().map(x -> Long.toString(x.firstAnswerMillis())).toList()))
                        .append(" | ")
                        .append(String.join(", ", s.stream().map(x -> x.quarkusStartedSeconds() == null ? "?"
                                : fmt(x.quarkusStartedSeconds(), 3)).toList()))
                        .append(" | ")
                        .append(String.join(", ", s.stream().map(x -> fmt(x.rssKb() / 1024.0, 1)).toList()))
                        .append(" |\n");
            }
        }
        if (!warnings.isEmpty()) {
            md.append("\n## Warnings\n\n");
            warnings.forEach(x -> md.append("- ").append(x).append('\n'));
        }
        return md.toString();
    }

    private static List<Throughput> select(List<Throughput> all, String app, String scenario) {
        return all.stream().filter(t -> t.app().equals(app) && t.scenario().equals(scenario)).toList();
    }

    private static List<Double> values(List<Throughput> runs, ToDoubleFunction<Throughput> f) {
        return runs.stream().map(t -> f.applyAsDouble(t)).toList();
    }

    private static void summary(ObjectNode node, List<Double> values) {
        node.put("median", round(median(values), 3));
        node.put("min", round(Collections.min(values), 3));
        node.put("max", round(Collections.max(values), 3));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
