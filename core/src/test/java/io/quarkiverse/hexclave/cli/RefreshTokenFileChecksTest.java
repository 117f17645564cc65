package io.quarkiverse.hexclave.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.hexclave.config.Secret;

/** The refresh token file: a safe name under ~/.config, and checked as ssh checks a private key before it is read. */
class RefreshTokenFileChecksTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    @Test
    void appNamesThatLeaveTheConfigDirectoryOrAreOddAreRefused() {
        for (String name : new String[] { "../evil", "..", ".", "a/b", "a\\b", "/etc", "", " app", "app name", ".hidden",
                "-flag", "app\u0000x", "a".repeat(65) }) {
            assertThatThrownBy(() -> FileRefreshTokenStore.inUserConfig(name)).as("'%s'", name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("appName must be");
        }
        assertThatThrownBy(() -> FileRefreshTokenStore.inUserConfig(null)).isInstanceOf(IllegalArgumentException.class);
        Path config = Path.of(System.getProperty("user.home"), ".config");
        for (String name : new String[] { "my-cli", "My.App_2", "a".repeat(64) }) {
            assertThat(FileRefreshTokenStore.inUserConfig(name).file()).isEqualTo(config.resolve(name).resolve("refresh-token"));
        }
    }

    @Test
    void aSymbolicLinkIsRefusedEvenToAnOwnerOnlyFile() throws IOException {
        FileRefreshTokenStore real = new FileRefreshTokenStore(dir.resolve("real"));
        real.save(new Secret("rt_real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real.file());

        assertThatThrownBy(() -> new FileRefreshTokenStore(link).load()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("symbolic link").hasMessageNotContaining("rt_real");
    }

    @Test
    void aFileOthersCanAccessIsRefused() throws IOException {
        FileRefreshTokenStore store = new FileRefreshTokenStore(dir.resolve("refresh-token"));
        store.save(new Secret("rt_secret"));
        for (String mode : new String[] { "rw-r-----", "rw----r--", "rw--w----", "rw-----w-", "rwx--x---" }) {
            Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString(mode));
            assertThatThrownBy(store::load).as(mode).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("chmod 600").hasMessageNotContaining("rt_secret");
        }
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("r--------"));
        assertThat(store.load()).map(Secret::value).contains("rt_secret");
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        assertThatThrownBy(() -> new FileRefreshTokenStore(sub).load()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void aFileOwnedBySomeoneElseIsRefused() throws IOException {
        FileRefreshTokenStore store = new FileRefreshTokenStore(dir.resolve("refresh-token"));
        store.save(new Secret("rt_secret"));
        UserPrincipal nobody;
        try {
            nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(store.file(), nobody);
        } catch (IOException e) {
            assumeTrue(false, "cannot give a file to another user here (needs root): " + e);
            return;
        }
        assumeTrue(!nobody.getName().equals(System.getProperty("user.name")));

        assertThatThrownBy(store::load).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("owned by nobody");
    }
}
