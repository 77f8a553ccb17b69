package com.rollercoach.io.serial;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat, {@code a} and {@code b} being symlinks to the two ends, like a
 * serial cable between the emulator and the reader. {@link #kill()} pulls the cable (socat dies with
 * SIGKILL, both ends vanish), {@link #start()} plugs a new one in (the /dev/pts numbers may differ).
 */
public final class SocatPair implements AutoCloseable {
  private final Path a;
  private final Path b;
  private Process process;

  public SocatPair(Path dir) {
    this.a = dir.resolve("ttyA");
    this.b = dir.resolve("ttyB");
  }

  /**
   * Skips the calling test when socat is not installed, except in CI (env CI=true), where a missing
   * socat must fail loudly instead of silently skipping the end-to-end tests.
   */
  public static void requireSocat() {
    boolean present = false;
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "socat"))) present = true;
    }
    if (!present && "true".equals(System.getenv("CI"))) fail("socat is required in CI (apt-get install -y socat)");
    assumeTrue(present, "socat not installed");
  }

  public Path a() {
    return a;
  }

  public Path b() {
    return b;
  }

  public SocatPair start() throws IOException, InterruptedException {
    Files.deleteIfExists(a);
    Files.deleteIfExists(b);
    process =
        new ProcessBuilder(
                "socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(Files.exists(a) && Files.exists(b))) {
      if (!process.isAlive()) throw new IOException("socat exited with " + process.exitValue());
      if (System.nanoTime() > deadline) throw new IOException("socat did not create " + a + " and " + b);
      Thread.sleep(10);
    }
    return this;
  }

  /** Pulls the cable: socat is killed with SIGKILL, readers on either end see EIO. */
  public void kill() throws InterruptedException {
    if (process == null) return;
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
    process = null;
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
