package io.quarkiverse.hexclave.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.quarkiverse.hexclave.config.Secret;

/**
 * Keeps a CLI's refresh token in one file, readable and writable by its owner only.
 * <p>
 * {@link #save(Secret)} writes a temporary file created with permissions {@code rw-------} in the same directory and
 * moves it over the target atomically, so the token is never readable by others, not even for an instant, and a
 * crash leaves either the old or the new token. Missing parent directories are created {@code rwx------}. On file
 * systems without POSIX permissions (Windows) the JDK's owner-only flags are used instead.
 */
public final class FileRefreshTokenStore {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    public FileRefreshTokenStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** {@code ~/.config/<appName>/refresh-token}. */
    public static FileRefreshTokenStore inUserConfig(String appName) {
        return new FileRefreshTokenStore(Path.of(System.getProperty("user.home"), ".config", appName, "refresh-token"));
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The stored token, if any. */
    public Optional<Secret> load() {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(new Secret(value));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the refresh token file " + file, e);
        }
    }

    /** Replaces the stored token atomically; the file is owner-only. */
    public void save(Secret refreshToken) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path dir = file.getParent();
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } else {
                    Files.createDirectories(dir);
                }
            }
            tmp = posix ? Files.createTempFile(dir, ".refresh-token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                    : Files.createTempFile(dir, ".refresh-token", ".tmp");
            if (!posix) {
                java.io.File f = tmp.toFile();
                f.setReadable(false, false);
                f.setWritable(false, false);
                f.setReadable(true, true);
                f.setWritable(true, true);
            }
            Files.writeString(tmp, refreshToken.value(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the refresh token file " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** Deletes the stored token, if any. */
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the refresh token file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "FileRefreshTokenStore[" + file + "]";
    }
}
