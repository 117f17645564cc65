package io.quarkiverse.hexclave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.hexclave.config.Secret;

class FileRefreshTokenStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedTokenIsOwnerOnlyAndLoadsBack() throws IOException {
        FileRefreshTokenStore store = new FileRefreshTokenStore(dir.resolve("nested/deeper/refresh-token"));

        store.save(new Secret("rt_first_value"));

        Path file = store.file();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(store.load()).map(Secret::value).contains("rt_first_value");
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        FileRefreshTokenStore store = new FileRefreshTokenStore(dir.resolve("refresh-token"));
        store.save(new Secret("rt_one"));

        store.save(new Secret("rt_two"));

        assertThat(store.load()).map(Secret::value).contains("rt_two");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("refresh-token");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void replacingAWorldReadableFileMakesItOwnerOnly() throws IOException {
        Path file = dir.resolve("refresh-token");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new FileRefreshTokenStore(file).save(new Secret("rt_new"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void missingOrEmptyFileLoadsNothing() throws IOException {
        FileRefreshTokenStore store = new FileRefreshTokenStore(dir.resolve("none"));
        assertThat(store.load()).isEmpty();

        Files.writeString(store.file(), "  \n");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-------"));
        assertThat(store.load()).isEmpty();
    }

    @Test
    void clearDeletesTheFile() {
        FileRefreshTokenStore store = new FileRefreshTokenStore(dir.resolve("refresh-token"));
        store.save(new Secret("rt_x"));

        store.clear();
        store.clear();

        assertThat(Files.exists(store.file())).isFalse();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void toStringShowsThePathNotTheToken() {
        FileRefreshTokenStore store = new FileRefreshTokenStore(dir.resolve("refresh-token"));
        store.save(new Secret("rt_secret_value"));

        assertThat(store.toString()).contains("refresh-token").doesNotContain("rt_secret_value");
    }

    @Test
    void ownerOnlyFallbackRemovesAccessForOthers(@TempDir Path dir) throws Exception {
        Path f = Files.createFile(dir.resolve("t"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));

        FileRefreshTokenStore.restrictToOwner(f);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }
}
