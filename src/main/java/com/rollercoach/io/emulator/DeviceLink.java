package com.rollercoach.io.emulator;

import com.fazecast.jSerialComm.SerialPort;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The device side of a link, as the emulator uses it: host commands in, frames out. */
public interface DeviceLink extends Closeable {
  /**
   * Reads what the host sent, waiting at most {@code timeoutMs} for the first byte.
   *
   * @return bytes read, 0 when none came in time
   * @throws IOException when the link is gone
   */
  int read(byte[] buf, int timeoutMs) throws IOException;

  /** Writes all of {@code len} bytes, waiting while the link's buffer is full. */
  void write(byte[] buf, int off, int len) throws IOException;

  /** An open serial port (a pty for tests and demos); closing the link closes the port. */
  static DeviceLink serial(SerialPort port) {
    return new DeviceLink() {
      private int timeoutSet = -1;

      @Override
      public int read(byte[] buf, int timeoutMs) throws IOException {
        int t = Math.max(1, timeoutMs);
        if (t != timeoutSet) {
          port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, t, 0);
          timeoutSet = t;
        }
        int n = port.readBytes(buf, buf.length);
        if (n < 0) throw new IOException(port.getSystemPortPath() + ": link lost (error " + port.getLastErrorCode() + ")");
        return n;
      }

      @Override
      public void write(byte[] buf, int off, int len) throws IOException {
        while (len > 0) {
          int n = port.writeBytes(buf, len, off);
          if (n < 0) throw new IOException(port.getSystemPortPath() + ": write failed (error " + port.getLastErrorCode() + ")");
          off += n;
          len -= n;
          if (n == 0 && !sleepMs(1)) throw new java.io.InterruptedIOException("emulator stopped");
        }
      }

      @Override
      public void close() {
        port.closePort();
      }
    };
  }

  /**
   * Plain streams (a socket, piped streams for an in-process demo device). {@code in} is polled with
   * {@link InputStream#available()}, so it must report what it holds; it may be null (no commands).
   */
  static DeviceLink streams(InputStream in, OutputStream out) {
    return new DeviceLink() {
      @Override
      public int read(byte[] buf, int timeoutMs) throws IOException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
          int available = in == null ? 0 : in.available();
          if (available > 0) return in.read(buf, 0, Math.min(buf.length, available));
          long left = deadline - System.nanoTime();
          if (left <= 0) return 0;
          if (!sleepMs(Math.min(2, Math.max(1, left / 1_000_000)))) return 0;
        }
      }

      @Override
      public void write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
        out.flush();
      }

      @Override
      public void close() throws IOException {
        if (in != null) in.close();
        out.close();
      }
    };
  }

  /** False when interrupted (the flag is kept set for the caller's loop to see). */
  private static boolean sleepMs(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
