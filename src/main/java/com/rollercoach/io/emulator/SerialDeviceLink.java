package com.rollercoach.io.emulator;

import com.fazecast.jSerialComm.SerialPort;
import com.rollercoach.io.serial.PortOpenException;
import com.rollercoach.io.serial.SerialPorts;
import java.io.IOException;

/**
 * The emulator's end of a serial port, opened by path, that behaves like a device whose radio link
 * comes and goes: when the port fails (the other end vanished, socat was killed) frames are dropped,
 * not queued, and the path is reopened every {@value #REOPEN_EVERY_MS} ms until it works again.
 * Dropped frames keep their sequence numbers, so the host counts them as lost.
 */
public final class SerialDeviceLink implements DeviceLink {
  private static final int REOPEN_EVERY_MS = 200;

  private final String path;
  private final int baud;
  private DeviceLink open;
  private long nextAttemptNanos;
  private volatile long framesDropped;
  private volatile int reopens;

  private SerialDeviceLink(String path, int baud, SerialPort port) {
    this.path = path;
    this.baud = baud;
    this.open = DeviceLink.serial(port);
  }

  /** Opens {@code path} now, so a wrong path fails at once with a one-line message. */
  public static SerialDeviceLink open(String path, int baud) throws PortOpenException {
    return new SerialDeviceLink(path, baud, SerialPorts.open(path, baud, 10));
  }

  @Override
  public synchronized int read(byte[] buf, int timeoutMs) {
    if (!ensureOpen()) {
      pause(timeoutMs);
      return 0;
    }
    try {
      return open.read(buf, timeoutMs);
    } catch (IOException e) {
      lose();
      return 0;
    }
  }

  @Override
  public synchronized void write(byte[] buf, int off, int len) throws IOException {
    if (!ensureOpen()) {
      framesDropped++;
      return;
    }
    try {
      open.write(buf, off, len);
    } catch (java.io.InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      framesDropped++;
      lose();
    }
  }

  /** Writes that were dropped because the link was down. */
  public long framesDropped() {
    return framesDropped;
  }

  public int reopens() {
    return reopens;
  }

  @Override
  public synchronized void close() throws IOException {
    if (open != null) open.close();
    open = null;
    nextAttemptNanos = Long.MAX_VALUE;
  }

  private boolean ensureOpen() {
    if (open != null) return true;
    if (System.nanoTime() < nextAttemptNanos) return false;
    try {
      open = DeviceLink.serial(SerialPorts.open(path, baud, 10));
      reopens++;
      return true;
    } catch (PortOpenException e) {
      nextAttemptNanos = System.nanoTime() + REOPEN_EVERY_MS * 1_000_000L;
      return false;
    }
  }

  private void lose() {
    try {
      open.close();
    } catch (IOException ignored) {
      // The port is already dead; closing only releases the handle.
    }
    open = null;
    nextAttemptNanos = System.nanoTime() + REOPEN_EVERY_MS * 1_000_000L;
  }

  private static void pause(int ms) {
    try {
      Thread.sleep(Math.max(1, ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
