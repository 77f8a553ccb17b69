package com.rollercoach.io.ble;

import com.rollercoach.io.ble.BleException.Reason;
import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * BlueZ over D-Bus: find BLE serial devices and open a byte pipe to one. Every failure becomes a
 * one-line {@link BleException} naming what is missing (the bus, bluetoothd, an adapter, permission).
 *
 * <p>The system bus is used unless {@value #BUS_PROPERTY} (system property) or {@value #BUS_ENV}
 * (environment) gives another D-Bus address: tests run a mock BlueZ on a private bus that way.
 *
 * <p>Signals (notifications, disconnects) arrive on dbus-java's signal thread, which is configured as
 * a single thread so notifications keep their order; the pipe's consumer must only hand them over.
 */
public final class Bluez implements Closeable {
  public static final String BUS_PROPERTY = "rollercoach.bluez.bus";
  public static final String BUS_ENV = "ROLLER_COACH_BLUEZ_BUS";

  private static final String SYSTEM_BUS = "unix:path=/var/run/dbus/system_bus_socket";

  /** BLE's smallest ATT payload (MTU 23 − 3): every device accepts writes this long. */
  static final int MIN_WRITE = 20;

  private final DBusConnection bus;
  private final String where;
  private volatile Pipe pipe;

  private Bluez(DBusConnection bus, String where) {
    this.bus = bus;
    this.where = where;
  }

  /** Connects to the bus BlueZ lives on and checks that it answers. */
  public static Bluez connect() throws BleException {
    String address = System.getProperty(BUS_PROPERTY, System.getenv(BUS_ENV));
    String where = address == null || address.isBlank() ? "the D-Bus system bus" : "D-Bus " + address;
    String socket = socketPath(address == null || address.isBlank()
        ? System.getenv().getOrDefault("DBUS_SYSTEM_BUS_ADDRESS", SYSTEM_BUS) : address);
    if (socket != null && !Files.exists(Path.of(socket))) {
      // dbus-java retries a missing socket for ~10 s; a machine without one is not going to grow it.
      throw new BleException(Reason.NO_BLUEZ, "Bluetooth LE: cannot reach " + where + " (no socket " + socket
          + "): BLE needs Linux with D-Bus and BlueZ (bluetoothd) running; elsewhere use a BLE-to-serial bridge (docs/sensors.md)");
    }
    DBusConnection c;
    try {
      DBusConnectionBuilder b = address == null || address.isBlank()
          ? DBusConnectionBuilder.forSystemBus() : DBusConnectionBuilder.forAddress(address);
      c = b.withShared(false).receivingThreadConfig().withSignalThreadCount(1).connectionConfig().build();
    } catch (DBusException | RuntimeException e) {
      throw new BleException(Reason.NO_BLUEZ, "Bluetooth LE: cannot reach " + where + " (" + oneLine(e)
          + "): BLE needs Linux with BlueZ (bluetoothd) running; elsewhere use a BLE-to-serial bridge (docs/sensors.md)", e);
    }
    Bluez z = new Bluez(c, where);
    try {
      c.addSigHandler(Properties.PropertiesChanged.class, z::changed);
      z.objects(); // fails here, with its reason, when BlueZ is absent or refuses us
    } catch (DBusException | BleException | RuntimeException e) {
      z.close();
      if (e instanceof BleException be) throw be;
      throw z.translate("listening to BlueZ", e);
    }
    return z;
  }

  /** The file of a {@code unix:path=} D-Bus address (the first, if several), or null. */
  static String socketPath(String address) {
    for (String part : address.split(";")) {
      if (!part.startsWith("unix:")) continue;
      for (String kv : part.substring(5).split(",")) {
        if (kv.startsWith("path=")) return kv.substring(5);
      }
    }
    return null;
  }

  /**
   * The adapter BlueZ would use (hci0 first, a powered one preferred), or a NO_ADAPTER exception
   * saying what to do: none at all, or none switched on.
   */
  public String adapter() throws BleException {
    Map<String, Map<String, Map<String, Variant<?>>>> all = objects();
    List<String> adapters = all.keySet().stream().filter(p -> all.get(p).containsKey(BluezApi.ADAPTER)).sorted().toList();
    if (adapters.isEmpty()) {
      throw new BleException(Reason.NO_ADAPTER, "Bluetooth LE: BlueZ runs but finds no Bluetooth adapter:"
          + " plug in a USB Bluetooth dongle, or check 'rfkill list'");
    }
    return adapters.stream()
        .filter(p -> !Boolean.FALSE.equals(value(all.get(p).get(BluezApi.ADAPTER).get("Powered"))))
        .findFirst()
        .orElseThrow(() -> new BleException(Reason.NO_ADAPTER, "Bluetooth LE: the Bluetooth adapter ("
            + adapters.get(0).substring(adapters.get(0).lastIndexOf('/') + 1)
            + ") is switched off: bluetoothctl power on (and rfkill unblock bluetooth if it is blocked)"));
  }

  /** BLE serial devices BlueZ knows now (found by earlier scans, or paired), strongest first. */
  public List<BleDevice> devices() throws BleException {
    List<BleDevice> found = new ArrayList<>();
    for (Map.Entry<String, Map<String, Map<String, Variant<?>>>> e : objects().entrySet()) {
      Map<String, Variant<?>> d = e.getValue().get(BluezApi.DEVICE);
      if (d == null) continue;
      Optional<BleService> service = BleService.of(strings(d.get("UUIDs")));
      if (service.isEmpty()) continue;
      Object rssi = value(d.get("RSSI"));
      found.add(new BleDevice(string(d.getOrDefault("Name", d.get("Alias"))), string(d.get("Address")),
          rssi instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty(), service.get(), e.getKey()));
    }
    found.sort(Comparator.comparingInt((BleDevice x) -> -x.rssi().orElse(-1000)).thenComparing(BleDevice::address));
    return found;
  }

  /** Scans for LE devices for {@code time}, then lists the BLE serial devices known. */
  public List<BleDevice> scan(Duration time) throws BleException {
    String adapter = adapter();
    BluezApi.Adapter1 a = remote(adapter, BluezApi.Adapter1.class);
    try {
      call("setting the scan filter", () -> a.SetDiscoveryFilter(Map.of("Transport", new Variant<>("le"))));
      startDiscovery(a, adapter);
      sleep(time);
    } finally {
      try {
        a.StopDiscovery();
      } catch (RuntimeException ignored) {
        // not discovering (any more): nothing to stop
      }
    }
    return devices();
  }

  /**
   * The device named {@code nameOrAddress}: one BlueZ already knows, else one a scan of at most
   * {@code scan} finds (the scan stops as soon as it shows up).
   */
  public BleDevice find(String nameOrAddress, Duration scan) throws BleException {
    Optional<BleDevice> known = pick(devices(), nameOrAddress);
    if (known.isPresent()) return known.get();
    String adapter = adapter();
    BluezApi.Adapter1 a = remote(adapter, BluezApi.Adapter1.class);
    long deadline = System.nanoTime() + scan.toNanos();
    try {
      call("setting the scan filter", () -> a.SetDiscoveryFilter(Map.of("Transport", new Variant<>("le"))));
      startDiscovery(a, adapter);
      while (System.nanoTime() < deadline) {
        sleep(Duration.ofMillis(250));
        known = pick(devices(), nameOrAddress);
        if (known.isPresent()) return known.get();
      }
    } finally {
      try {
        a.StopDiscovery();
      } catch (RuntimeException ignored) {
        // already stopped
      }
    }
    throw new BleException(Reason.NOT_FOUND, "Bluetooth LE: no device '" + nameOrAddress + "' with the Nordic UART"
        + " (or FFE0) service found in " + scan.toSeconds() + " s: is the roller switched on, in range, and not"
        + " connected to a phone? 'roller-coach ports' lists what is seen");
  }

  /** Starts a scan; one already running (another program's, or BlueZ's own) serves us as well. */
  private void startDiscovery(BluezApi.Adapter1 a, String adapter) throws BleException {
    try {
      a.StartDiscovery();
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("InProgress") || errorType(e).endsWith("InProgress")) return;
      throw translate("starting a scan on " + adapter, e);
    }
  }

  private static String errorType(Exception e) {
    return e instanceof DBusExecutionException x && x.getType() != null ? x.getType() : e.getClass().getName();
  }

  private static Optional<BleDevice> pick(List<BleDevice> devices, String nameOrAddress) {
    return devices.stream().filter(d -> d.matches(nameOrAddress)).findFirst();
  }

  /**
   * Connects to {@code device}, waits for its GATT services, subscribes to its notify characteristic
   * and returns the pipe. {@code bytes} gets each notification's value with {@link System#nanoTime()}
   * of its arrival; {@code lost} gets a reason when BlueZ reports the device disconnected. Both are
   * called on the signal thread.
   */
  public Pipe open(BleDevice device, Duration resolveTimeout, NotificationHandler bytes, Consumer<String> lost)
      throws BleException {
    BluezApi.Device1 d = remote(device.objectPath(), BluezApi.Device1.class);
    try {
      d.Connect();
    } catch (RuntimeException e) {
      // Connected already (by us before a crash, or by bluetoothctl): use the connection as it is.
      if (!(errorType(e) + e.getMessage()).contains("AlreadyConnected")) throw translate("connecting to " + device.address(), e);
    }
    long deadline = System.nanoTime() + resolveTimeout.toNanos();
    String tx = null;
    String rx = null;
    List<String> rxFlags = List.of();
    while (tx == null || rx == null) {
      Map<String, Map<String, Map<String, Variant<?>>>> all = objects();
      Map<String, Map<String, Variant<?>>> dev = all.get(device.objectPath());
      boolean resolved = dev != null && Boolean.TRUE.equals(value(dev.get(BluezApi.DEVICE).get("ServicesResolved")));
      if (resolved) {
        for (Map.Entry<String, Map<String, Map<String, Variant<?>>>> e : all.entrySet()) {
          Map<String, Variant<?>> ch = e.getValue().get(BluezApi.CHARACTERISTIC);
          if (ch == null || !e.getKey().startsWith(device.objectPath() + "/")) continue;
          String uuid = string(ch.get("UUID")).toLowerCase(Locale.ROOT);
          if (uuid.equals(device.service().notifyUuid())) tx = e.getKey();
          if (uuid.equals(device.service().writeUuid())) {
            rx = e.getKey();
            rxFlags = strings(ch.get("Flags"));
          }
        }
        if (tx == null || rx == null) {
          disconnectQuietly(d);
          throw new BleException(Reason.LINK_FAILED, "Bluetooth LE: " + device.address() + " has no "
              + device.service().label() + " characteristics after connecting (is it running the roller firmware?)");
        }
      } else if (System.nanoTime() > deadline) {
        disconnectQuietly(d);
        throw new BleException(Reason.LINK_FAILED, "Bluetooth LE: " + device.address()
            + " connected but did not list its services within " + resolveTimeout.toSeconds() + " s");
      } else {
        sleep(Duration.ofMillis(50));
      }
    }
    Pipe p = new Pipe(device, d, tx, remote(tx, BluezApi.GattCharacteristic1.class),
        remote(rx, BluezApi.GattCharacteristic1.class),
        // Without response where the device allows it: no round trip per write, as NUS intends.
        Map.of("type", new Variant<>(rxFlags.contains("write-without-response") ? "command" : "request")),
        bytes, lost);
    pipe = p;
    try {
      call("subscribing to " + device.address() + "'s notifications", p.tx::StartNotify);
    } catch (BleException e) {
      pipe = null;
      disconnectQuietly(d);
      throw e;
    }
    return p;
  }

  /** Called with the bytes of each notification, as they arrived. */
  @FunctionalInterface
  public interface NotificationHandler {
    void notified(byte[] value, long arrivalNanos);
  }

  /** An open connection to one device: notifications flow to its handler until {@link #close}. */
  public final class Pipe implements Closeable {
    private final BleDevice device;
    private final BluezApi.Device1 dev;
    private final String txPath;
    private final BluezApi.GattCharacteristic1 tx;
    private final BluezApi.GattCharacteristic1 rx;
    private final Map<String, Variant<?>> writeOptions;
    private final NotificationHandler bytes;
    private final Consumer<String> lost;
    private volatile boolean open = true;

    private Pipe(BleDevice device, BluezApi.Device1 dev, String txPath, BluezApi.GattCharacteristic1 tx,
        BluezApi.GattCharacteristic1 rx, Map<String, Variant<?>> writeOptions, NotificationHandler bytes,
        Consumer<String> lost) {
      this.device = device;
      this.dev = dev;
      this.txPath = txPath;
      this.tx = tx;
      this.rx = rx;
      this.writeOptions = writeOptions;
      this.bytes = bytes;
      this.lost = lost;
    }

    public BleDevice device() {
      return device;
    }

    /** Writes to the device's RX characteristic in 20-byte pieces (fits the smallest MTU). */
    public boolean write(byte[] data) {
      if (!open) return false;
      try {
        for (int off = 0; off < data.length; off += MIN_WRITE) {
          byte[] part = java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + MIN_WRITE));
          rx.WriteValue(part, writeOptions);
        }
        return true;
      } catch (RuntimeException e) {
        return false; // the link is going down; the source notices by the disconnect or the keep-alive
      }
    }

    /** Unsubscribes and disconnects; errors are ignored (the device may be gone already). */
    @Override
    public void close() {
      if (!open) return;
      open = false;
      if (pipe == this) pipe = null;
      try {
        tx.StopNotify();
      } catch (RuntimeException ignored) {
        // already gone
      }
      disconnectQuietly(dev);
    }
  }

  private void changed(Properties.PropertiesChanged s) {
    Pipe p = pipe;
    if (p == null || !p.open) return;
    long now = System.nanoTime();
    String path = s.getPath();
    if (path.equals(p.txPath) && BluezApi.CHARACTERISTIC.equals(s.getInterfaceName())) {
      byte[] v = bytes(s.getPropertiesChanged().get("Value"));
      if (v != null && v.length > 0) p.bytes.notified(v, now);
    } else if (path.equals(p.device.objectPath()) && BluezApi.DEVICE.equals(s.getInterfaceName())) {
      Object connected = value(s.getPropertiesChanged().get("Connected"));
      if (Boolean.FALSE.equals(connected)) p.lost.accept("device disconnected");
    }
  }

  @Override
  public void close() {
    Pipe p = pipe;
    if (p != null) p.close();
    bus.disconnect();
  }

  // --- D-Bus plumbing ---------------------------------------------------------------------------

  private Map<String, Map<String, Map<String, Variant<?>>>> objects() throws BleException {
    ObjectManager om = remote("/", ObjectManager.class);
    Map<DBusPath, Map<String, Map<String, Variant<?>>>> raw;
    try {
      raw = om.GetManagedObjects();
    } catch (RuntimeException e) {
      throw translate("asking BlueZ for its devices", e);
    }
    Map<String, Map<String, Map<String, Variant<?>>>> m = new LinkedHashMap<>();
    raw.forEach((k, v) -> m.put(k.getPath(), v));
    return m;
  }

  private <T extends DBusInterface> T remote(String path, Class<T> type) throws BleException {
    try {
      return bus.getRemoteObject(BluezApi.BUS_NAME, path, type, false);
    } catch (DBusException | RuntimeException e) {
      throw translate("opening " + path, e);
    }
  }

  private void call(String what, Runnable call) throws BleException {
    try {
      call.run();
    } catch (RuntimeException e) {
      throw translate(what, e);
    }
  }

  private static void disconnectQuietly(BluezApi.Device1 d) {
    try {
      d.Disconnect();
    } catch (RuntimeException ignored) {
      // not connected any more
    }
  }

  /** A D-Bus error as one line that says what to do about it. */
  BleException translate(String what, Exception e) {
    String type = errorType(e);
    String msg = oneLine(e);
    String all = type + " " + e.getClass().getName() + " " + msg;
    if (all.contains("ServiceUnknown") || all.contains("NameHasNoOwner") || all.contains("\"org.bluez\" does not exist")
        || all.contains("not provided by any .service")) {
      return new BleException(Reason.NO_BLUEZ, "Bluetooth LE: BlueZ (bluetoothd) is not running on " + where
          + ": start it (sudo systemctl start bluetooth), or install the bluez package", e);
    }
    if (all.contains("AccessDenied") || all.contains("NotPermitted") || all.contains("NotAuthorized")) {
      return new BleException(Reason.PERMISSION_DENIED, "Bluetooth LE: permission denied " + what + " (" + msg
          + "): run from a desktop session or add yourself to the bluetooth group (sudo usermod -aG bluetooth $USER)", e);
    }
    if (all.contains("NotReady") || all.contains("rfkill") || all.contains("Not Powered")) {
      return new BleException(Reason.NO_ADAPTER, "Bluetooth LE: the Bluetooth adapter is off (" + what
          + "): switch it on (bluetoothctl power on; rfkill unblock bluetooth)", e);
    }
    return new BleException(Reason.LINK_FAILED, "Bluetooth LE: failed " + what + ": " + msg, e);
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s+", " ").trim();
  }

  private static Object value(Variant<?> v) {
    return v == null ? null : v.getValue();
  }

  private static String string(Variant<?> v) {
    Object o = value(v);
    return o == null ? "" : o.toString();
  }

  private static List<String> strings(Variant<?> v) {
    Object o = value(v);
    List<String> out = new ArrayList<>();
    if (o instanceof Collection<?> c) c.forEach(x -> out.add(String.valueOf(x)));
    else if (o instanceof Object[] a) for (Object x : a) out.add(String.valueOf(x));
    return out;
  }

  /** An "ay" value: dbus-java gives byte[] (sometimes boxed). */
  private static byte[] bytes(Variant<?> v) {
    Object o = value(v);
    if (o instanceof byte[] b) return b;
    if (o instanceof List<?> l) {
      byte[] b = new byte[l.size()];
      for (int i = 0; i < b.length; i++) b[i] = ((Number) l.get(i)).byteValue();
      return b;
    }
    if (o instanceof Byte[] a) {
      byte[] b = new byte[a.length];
      for (int i = 0; i < b.length; i++) b[i] = a[i];
      return b;
    }
    return null;
  }

  private static void sleep(Duration d) throws BleException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BleException(Reason.LINK_FAILED, "Bluetooth LE: interrupted");
    }
  }
}
