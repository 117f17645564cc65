package io.quarkiverse.hexclave.contract;

import java.util.List;

/**
 * The result of validating one request or response against the Hexclave contract.
 *
 * @param problems human-readable problems (empty when valid); they quote schema paths and field names, never header values
 */
public record ContractReport(List<String> problems) {

    public ContractReport {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return isValid() ? "valid" : String.join("\n", problems);
    }
}
