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
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
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
 * systems without POSIX permissions but with ACLs (Windows NTFS) the temporary file (and a created directory) gets
 * an ACL with a single entry allowing its owner everything, before the token is written; elsewhere the JDK's
 * owner-only read/write flags are used, which is best effort.
 * <p>
 * {@link #load()} checks the file as ssh checks a private key, on POSIX file systems: it refuses a symbolic link,
 * anything but a regular file, a file not owned by the user running the JVM, and a file any group or other permission
 * bit is set on (readable, writable or executable by others); the file is then read without following links. On
 * other file systems the file is read as it is.
 */
public final class FileRefreshTokenStore {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final java.util.regex.Pattern APP_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path file;

    public FileRefreshTokenStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /**
     * {@code ~/.config/<appName>/refresh-token}.
     *
     * @param appName 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or a digit (no
     *        separator, no {@code ..}: the file stays under {@code ~/.config})
     * @throws IllegalArgumentException for any other name
     */
    public static FileRefreshTokenStore inUserConfig(String appName) {
        if (appName == null || !APP_NAME.matcher(appName).matches()) {
            throw new IllegalArgumentException("appName must be 1 to 64 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit (no path separators or '..'), got " + (appName == null ? "null"
                            : "'" + appName.replaceAll("[^\\x20-\\x7e]", "?") + "'"));
        }
        return new FileRefreshTokenStore(Path.of(System.getProperty("user.home"), ".config", appName, "refresh-token"));
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /**
     * The stored token, if any.
     *
     * @throws IllegalStateException on a POSIX file system, when the file is a symbolic link, not a regular file, not
     *         owned by the user running the JVM, or has a group or other permission bit set (the message says which
     *         and how to fix it)
     * @throws UncheckedIOException when the file cannot be read
     */
    public Optional<Secret> load() {
        try {
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                checkLikeSsh();
            }
            byte[] bytes;
            try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file,
                    Set.of(java.nio.file.StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
                bytes = java.nio.channels.Channels.newInputStream(channel).readNBytes(MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IllegalStateException("refusing the refresh token file " + file + ": larger than "
                        + MAX_FILE_BYTES + " bytes, it is not a refresh token");
            }
            String value = new String(bytes, StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(new Secret(value));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the refresh token file " + file, e);
        }
    }

    /** Largest file read: a refresh token is well under 1 KiB. */
    private static final int MAX_FILE_BYTES = 64 * 1024;

    /** The checks ssh makes on a private key file; see the class comment. */
    private void checkLikeSsh() throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new IllegalStateException("refusing the refresh token file " + file + ": it is a symbolic link; "
                    + "store the token in a regular file");
        }
        if (!attributes.isRegularFile()) {
            throw new IllegalStateException("refusing the refresh token file " + file + ": it is not a regular file");
        }
        UserPrincipal me;
        try {
            me = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            me = null;
        }
        if (me == null || !me.equals(attributes.owner())) {
            throw new IllegalStateException("refusing the refresh token file " + file + ": it is owned by "
                    + attributes.owner().getName() + ", not by " + System.getProperty("user.name")
                    + ", the user running this program");
        }
        Set<PosixFilePermission> others = EnumSet.noneOf(PosixFilePermission.class);
        others.addAll(attributes.permissions());
        others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (!others.isEmpty()) {
            throw new IllegalStateException("refusing the refresh token file " + file + ": its permissions "
                    + PosixFilePermissions.toString(attributes.permissions()) + " let others access it; make it "
                    + "readable by its owner only (chmod 600), or sign in again");
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
                    restrictToOwner(dir);
                }
            }
            tmp = posix ? Files.createTempFile(dir, ".refresh-token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                    : Files.createTempFile(dir, ".refresh-token", ".tmp");
            if (!posix) {
                restrictToOwner(tmp);
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

    /**
     * Makes {@code path} accessible to its owner only where POSIX permissions are not available: an ACL with one entry
     * (the owner, every permission) when the file system has ACLs, else the JDK's owner-only read/write flags.
     */
    static void restrictToOwner(Path path) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = acl.getOwner();
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
            return;
        }
        java.io.File f = path.toFile();
        boolean ok = f.setReadable(false, false) & f.setWritable(false, false) & f.setReadable(true, true)
                & f.setWritable(true, true);
        if (!ok) {
            throw new IOException("cannot restrict " + path + " to its owner");
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
