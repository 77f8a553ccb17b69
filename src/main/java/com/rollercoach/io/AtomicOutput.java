package com.rollercoach.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file all or nothing: into a temporary file beside the target, then one atomic rename.
 * A reader (or a crash, or a damaged input that stops the export half-way) never sees a partial
 * file under the target's name: it is the old file, or the whole new one.
 */
public final class AtomicOutput {
  private AtomicOutput() {}

  /** Writes the content into the file it is given. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(Path temp) throws IOException;
  }

  /**
   * @param replace whether an existing {@code target} may be replaced
   * @throws java.nio.file.FileAlreadyExistsException when it exists and may not be replaced
   */
  public static void write(Path target, boolean replace, Writer writer) throws IOException {
    Path abs = target(target);
    if (Files.exists(abs) && !Files.isRegularFile(abs)) {
      // a device or a pipe (/dev/stdout): written through; a rename would replace the node itself
      if (!replace) throw new java.nio.file.FileAlreadyExistsException(target.toString());
      writer.writeTo(abs);
      return;
    }
    Path dir = abs.getParent();
    Path temp = createTemp(dir, "." + abs.getFileName() + ".", ".part");
    try {
      writer.writeTo(temp);
      try (var ch = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true); // the content is on disk before the name points at it
      }
      if (!replace && Files.exists(abs)) throw new java.nio.file.FileAlreadyExistsException(target.toString());
      try {
        Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A new empty file in {@code dir} with the mode any new file gets there (the user's umask, as
   * {@code Files.writeString} gives an HTML report): {@code Files.createTempFile} makes it 0600, so a
   * PDF, a bundle or an exported CSV renamed from it was 0600 beside a 0644 HTML report.
   */
  public static Path createTemp(Path dir, String prefix, String suffix) throws IOException {
    java.security.SecureRandom random = new java.security.SecureRandom();
    while (true) {
      Path temp = dir.resolve(prefix + Long.toUnsignedString(random.nextLong(), 36) + suffix);
      try {
        return Files.createFile(temp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // drawn again
      }
    }
  }

  /**
   * Where writing {@code target} lands: the file a symbolic link points at (the rename replaced the
   * link itself with a regular file and left its target as it was), else {@code target}, absolute.
   */
  public static Path target(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    return Files.isSymbolicLink(abs) && Files.exists(abs) ? abs.toRealPath() : abs;
  }
}
