package com.rollercoach.io.ble;

import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LinkListener;
import com.rollercoach.io.live.LinkSource;
import com.rollercoach.io.serial.SerialSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A roller on Bluetooth LE (Nordic UART Service or an HM-10 style FFE0 module), delivering the bytes
 * of its notifications to a {@link LinkListener} exactly like {@code SerialSource} delivers a serial
 * port's: the recorder, the auto-detecting decoder and the pipeline behind it cannot tell the two apart.
 *
 * <p><b>What BLE does to a byte stream.</b> A notification carries 20 bytes (the default MTU of 23)
 * up to 244 (a negotiated MTU of 247), cut wherever the firmware's buffer happened to end, so frames
 * are split across notifications and several share one; the decoder reassembles them, as it does for
 * serial reads. Notifications come in bursts, one burst per connection interval (7.5–50 ms): they are
 * queued and handed over in order, each stamped with its own arrival time.
 *
 * <p><b>Threading.</b> dbus-java's single signal thread only queues; one thread of our own, {@code ble
 * <target>}, calls the listener, in order, as the serial reader's thread does. {@link #close} stops it by
 * a flag, never an interrupt (an interrupt would close the recording's {@code FileChannel}).
 *
 * <p><b>Drops.</b> BlueZ reports a disconnect (supervision timeout, the roller switched off) as
 * {@code Connected = false}; a device that stays connected but stops notifying (firmware hung,
 * subscription lost) is caught by the keep-alive: after half of it the ping is written to RX (a live
 * device answers a request-HELLO), after all of it the link counts as lost and is torn down. Either way
 * the listener hears {@code linkDown}, and the device is looked up (rescanned if BlueZ forgot it),
 * reconnected and resubscribed with exponential backoff until {@link #close}; the {@code onConnect}
 * writes (request-HELLO, start streaming) follow every (re)connect, for devices that stream only when told.
 */
public final class BleSource implements LinkSource {
  /**
   * @param keepAlive silence after which the link is considered lost
   * @param maxBackoff longest wait between reconnect attempts (starts at 100 ms, doubles)
   * @param scan how long the first lookup may scan for the device
   * @param resolveTimeout how long a connected device may take to list its GATT services
   * @param onConnect bytes written to RX after every (re)connect, in order
   * @param keepAlivePing bytes written after keepAlive/2 of silence, or empty
   */
  public record Options(Duration keepAlive, Duration maxBackoff, Duration scan, Duration resolveTimeout,
      List<byte[]> onConnect, byte[] keepAlivePing) {
    public static Options defaults() {
      return new Options(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
          List.of(), new byte[0]);
    }

    /**
     * The serial source's keep-alive, backoff and commands, so one set of options drives either link
     * (a BLE device answers the same request-HELLO and start-streaming commands).
     */
    public static Options from(SerialSource.Options o) {
      return defaults().withKeepAlive(o.keepAlive()).withMaxBackoff(o.maxBackoff())
          .withCommands(o.onConnect(), o.keepAlivePing());
    }

    public Options withKeepAlive(Duration k) {
      return new Options(k, maxBackoff, scan, resolveTimeout, onConnect, keepAlivePing);
    }

    public Options withMaxBackoff(Duration b) {
      return new Options(keepAlive, b, scan, resolveTimeout, onConnect, keepAlivePing);
    }

    public Options withScan(Duration s) {
      return new Options(keepAlive, maxBackoff, s, resolveTimeout, onConnect, keepAlivePing);
    }

    public Options withCommands(List<byte[]> connectCommands, byte[] ping) {
      return new Options(keepAlive, maxBackoff, scan, resolveTimeout, List.copyOf(connectCommands), ping.clone());
    }
  }

  private static final long INITIAL_BACKOFF_MS = 100;
  private static final long POLL_MS = 100;

  /** What the signal thread hands over; {@code generation} says which connection it came from. */
  private sealed interface Event permits Data, Lost, Wake {}

  private record Data(int generation, byte[] bytes, long arrivalNanos) implements Event {}

  private record Lost(int generation, String reason) implements Event {}

  private record Wake() implements Event {}

  private final String target;
  private final Options options;
  private final HostClock clock;
  private final LinkListener listener;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Object wakeUp = new Object();
  private Bluez bluez;
  private volatile Bluez.Pipe pipe;
  private volatile int generation;
  private volatile boolean running;
  private volatile boolean connected;
  private volatile int reconnects;
  private Thread thread;

  /** @param target the device's name or address, as {@code record --ble} takes it */
  public BleSource(String target, Options options, HostClock clock, LinkListener listener) {
    this.target = target;
    this.options = options;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Finds and connects to the device on the caller's thread, so a missing BlueZ, adapter, permission or
   * device fails right here with a one-line {@link BleException}, then starts the delivering thread.
   */
  public synchronized void start() throws BleException {
    if (thread != null) throw new IllegalStateException("already started");
    bluez = Bluez.connect();
    try {
      pipe = openPipe(options.scan());
    } catch (BleException e) {
      bluez.close();
      throw e;
    }
    running = true;
    connected = true;
    thread = new Thread(this::run, "ble " + target);
    thread.setDaemon(true);
    thread.start();
  }

  /** Writes a command to the device's RX characteristic; dropped (false) while the link is down. */
  public boolean send(byte[] bytes) {
    Bluez.Pipe p = pipe;
    return p != null && connected && p.write(bytes);
  }

  public boolean isConnected() {
    return connected;
  }

  /** Times the link was re-established after a drop. */
  public int reconnects() {
    return reconnects;
  }

  public String target() {
    return target;
  }

  /** Stops delivering, disconnects and waits for the thread. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    events.offer(new Wake());
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Bluez.Pipe p = pipe;
    if (p != null) p.close();
    if (bluez != null) bluez.close();
  }

  private void run() {
    listener.linkUp(clock.seconds(), "connected " + describe());
    sendAll(options.onConnect());
    long keepAliveNanos = options.keepAlive().toNanos();
    long lastDataNanos = System.nanoTime();
    boolean pinged = false;
    while (running) {
      Event e;
      try {
        e = events.poll(POLL_MS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException x) {
        break;
      }
      if (!running) break;
      String lost = null;
      if (e instanceof Data d && d.generation() == generation) {
        lastDataNanos = Math.max(lastDataNanos, d.arrivalNanos());
        pinged = false;
        listener.bytes(d.bytes(), 0, d.bytes().length, clock.toSeconds(d.arrivalNanos()));
        continue;
      } else if (e instanceof Lost l && l.generation() == generation) {
        lost = l.reason();
      }
      long now = System.nanoTime();
      if (lost == null && now - lastDataNanos > keepAliveNanos) {
        lost = "no data for " + options.keepAlive().toMillis() / 1000.0 + " s";
      } else if (lost == null && !pinged && now - lastDataNanos > keepAliveNanos / 2
          && options.keepAlivePing().length > 0) {
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

  /** Tears the dead link down and connects again with backoff until it works or we are closed. */
  private void reconnect(String reason) {
    connected = false;
    generation++; // whatever the old connection still queues is ignored from here on
    Bluez.Pipe old = pipe;
    pipe = null;
    if (old != null) old.close();
    listener.linkDown(clock.seconds(), reason);
    long backoff = INITIAL_BACKOFF_MS;
    while (running) {
      sleep(backoff);
      if (!running) return;
      try {
        // A short scan each time: BlueZ forgets an unpaired device a while after it stops advertising.
        pipe = openPipe(Duration.ofMillis(Math.max(1_000, backoff)));
      } catch (BleException e) {
        // Out of range, switched off, bluetoothd restarting: all may pass. Keep trying until closed.
        backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
        continue;
      }
      connected = true;
      reconnects++;
      listener.linkUp(clock.seconds(), "reconnected " + describe());
      sendAll(options.onConnect());
      return;
    }
  }

  private Bluez.Pipe openPipe(Duration scan) throws BleException {
    BleDevice device = bluez.find(target, scan);
    int gen = generation;
    return bluez.open(device, options.resolveTimeout(),
        (bytes, nanos) -> events.offer(new Data(gen, bytes, nanos)),
        reason -> events.offer(new Lost(gen, reason)));
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

  private String describe() {
    Bluez.Pipe p = pipe;
    if (p == null) return target;
    BleDevice d = p.device();
    return (d.name().isEmpty() ? "" : d.name() + " ") + d.address() + " (BLE " + d.service().label() + ")";
  }
}
