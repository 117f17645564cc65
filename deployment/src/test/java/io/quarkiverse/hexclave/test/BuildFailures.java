package io.quarkiverse.hexclave.test;

/** Reads a failed build's exception for the assertions of build-failure tests. */
final class BuildFailures {

    private BuildFailures() {
    }

    /** The messages of {@code e} and its causes, one per line. */
    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
