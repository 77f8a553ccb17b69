package com.rollercoach.io.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LinkListener;
import com.rollercoach.io.live.LinkSource;
import java.time.Duration;
import java.util.List;

/**
 * Reads a serial port on a thread of its own and survives the link going away.
 *
 * <p><b>Threading.</b> One thread, {@code serial <path>}, does everything: it reads, and it calls the
 * {@link LinkListener} (so the recorder, decoder and pipeline behind it run on this thread, in order,
 * with no locks). {@link #send} may be called from any thread. {@link #close} stops the thread by a flag
 * and closing the port, never by interrupting it: an interrupted thread would close the recording's
 * {@code FileChannel} under it.
 *
 * <p><b>Drops.</b> A USB unplug shows as a read returning −1 (EIO); a Bluetooth SPP link often
 * reports nothing and just goes quiet. So the link counts as lost on −1 or after {@code keepAlive} with
 * no byte at all (after half of it, a keep-alive request is sent, which a live device answers). Then
 * the port is closed, {@link LinkListener#linkDown} is called, and the path is reopened afresh (symlinks
 * re-resolved, a new {@link SerialPort}; a pty or rfcomm node may have a new number) with exponential
 * backoff, until {@link #close}. On every (re)connect the {@code onConnect} commands are sent (start
 * streaming) and {@link LinkListener#linkUp} is called.
 */
public final class SerialSource implements LinkSource {
  /**
   * @param baud bits per second (USB CDC ignores it; real UARTs and Bluetooth bridges need it)
   * @param readTimeout how long one read waits for the first byte; bounds how fast {@link #close} and
   *     keep-alive checks react
   * @param keepAlive silence after which the link is considered lost
   * @param maxBackoff longest wait between reopen attempts (starts at 100 ms, doubles)
   * @param onConnect bytes sent after every (re)connect, in order (request HELLO, start streaming)
   * @param keepAlivePing bytes sent after keepAlive/2 of silence (request HELLO), or empty
   */
  public record Options(
      int baud,
      Duration readTimeout,
      Duration keepAlive,
      Duration maxBackoff,
      List<byte[]> onConnect,
      byte[] keepAlivePing) {
    public static final int DEFAULT_BAUD = 115_200;

    public static Options defaults() {
      return new Options(
          DEFAULT_BAUD, Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(5), List.of(), new byte[0]);
    }

    public Options withBaud(int b) {
      return new Options(b, readTimeout, keepAlive, maxBackoff, onConnect, keepAlivePing);
    }

    public Options withKeepAlive(Duration k) {
      return new Options(baud, readTimeout, k, maxBackoff, onConnect, keepAlivePing);
    }

    public Options withCommands(List<byte[]> connectCommands, byte[] ping) {
      return new Options(baud, readTimeout, keepAlive, maxBackoff, List.copyOf(connectCommands), ping.clone());
    }
  }

  private static final long INITIAL_BACKOFF_MS = 100;

  /**
   * EAGAIN from a read means "nothing there after all" (another reader took the bytes between poll
   * and read), not a dead link; a link that really died this way is caught by the keep-alive.
   */
  private static final int EAGAIN = 11;

  private final String path;
  private final Options options;
  private final HostClock clock;
  private final LinkListener listener;
  private final Object wakeUp = new Object();
  private volatile SerialPort port;
  private volatile boolean running;
  private volatile boolean connected;
  private volatile int reconnects;
  private Thread thread;

  public SerialSource(String path, Options options, HostClock clock, LinkListener listener) {
    this.path = path;
    this.options = options;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Opens the port (on the caller's thread, so a wrong path or missing permission fails right here
   * with a one-line {@link PortOpenException}) and starts the reading thread.
   */
  public synchronized void start() throws PortOpenException {
    if (thread != null) throw new IllegalStateException("already started");
    port = SerialPorts.open(path, options.baud(), readTimeoutMs());
    running = true;
    connected = true;
    thread = new Thread(this::run, "serial " + path);
    thread.setDaemon(true);
    thread.start();
  }

  /** Writes a command to the device; dropped (false) while the link is down. */
  public synchronized boolean send(byte[] bytes) {
    SerialPort p = port;
    if (p == null || !connected) return false;
    return p.writeBytes(bytes, bytes.length) == bytes.length;
  }

  public boolean isConnected() {
    return connected;
  }

  /** Times the link was reopened after a drop. */
  public int reconnects() {
    return reconnects;
  }

  public String path() {
    return path;
  }

  /** Stops reading, closes the port and waits for the thread (at most a read timeout plus a bit). */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(2_000 + 2 * options.readTimeout().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closePort();
  }

  private void run() {
    listener.linkUp(clock.seconds(), "opened " + describe());
    sendAll(options.onConnect());
    byte[] buf = new byte[8192];
    long keepAliveNanos = options.keepAlive().toNanos();
    long lastDataNanos = System.nanoTime();
    boolean pinged = false;
    while (running) {
      SerialPort p = port;
      int n = p.readBytes(buf, buf.length);
      long now = System.nanoTime();
      if (!running) break;
      if (n > 0) {
        lastDataNanos = now;
        pinged = false;
        listener.bytes(buf, 0, n, clock.toSeconds(now));
        continue;
      }
      String lost = null;
      if (n < 0 && p.getLastErrorCode() != EAGAIN) {
        lost = "read failed (error " + p.getLastErrorCode() + "): device unplugged or link dropped";
      } else if (now - lastDataNanos > keepAliveNanos) {
        lost = "no data for " + options.keepAlive().toMillis() / 1000.0 + " s";
      } else if (!pinged && now - lastDataNanos > keepAliveNanos / 2 && options.keepAlivePing().length > 0) {
        send(options.keepAlivePing());
        pinged = true;
      }
      if (lost != null) {
        reconnect(lost);
        lastDataNanos = System.nanoTime();
        pinged = false;
      }
    }
  }

  /** Closes the dead port and reopens the path with backoff until it works or we are closed. */
  private void reconnect(String reason) {
    connected = false;
    closePort();
    listener.linkDown(clock.seconds(), reason);
    long backoff = INITIAL_BACKOFF_MS;
    while (running) {
      sleep(backoff);
      if (!running) return;
      try {
        port = SerialPorts.open(path, options.baud(), readTimeoutMs());
      } catch (PortOpenException e) {
        // Expected while unplugged (no such port) or while the Bluetooth stack re-binds (busy): retry.
        backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
        continue;
      }
      connected = true;
      reconnects++;
      listener.linkUp(clock.seconds(), "reopened " + describe());
      sendAll(options.onConnect());
      return;
    }
  }

  private void sendAll(List<byte[]> commands) {
    for (byte[] c : commands) send(c);
  }

  private void sleep(long ms) {
    synchronized (wakeUp) {
      if (!running) return;
      try {
        wakeUp.wait(ms);
      } catch (InterruptedException e) {
        running = false;
        Thread.currentThread().interrupt();
      }
    }
  }

  private synchronized void closePort() {
    SerialPort p = port;
    if (p != null) p.closePort();
  }

  private String describe() {
    SerialPort p = port;
    String real = p == null ? "" : p.getSystemPortPath();
    return real == null || real.equals(path) ? path : path + " (" + real + ")";
  }

  private int readTimeoutMs() {
    return (int) Math.max(1, options.readTimeout().toMillis());
  }
}
