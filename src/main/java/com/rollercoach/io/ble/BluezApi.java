package com.rollercoach.io.ble;

import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/**
 * The few BlueZ D-Bus interfaces a byte-pipe client needs (doc/org.bluez.*.rst in BlueZ). Written
 * here rather than taken from a binding library: the one that exists (bluez-dbus) does not resolve in
 * its current version, and these four calls are all we use.
 */
public final class BluezApi {
  private BluezApi() {}

  public static final String BUS_NAME = "org.bluez";
  public static final String ADAPTER = "org.bluez.Adapter1";
  public static final String DEVICE = "org.bluez.Device1";
  public static final String CHARACTERISTIC = "org.bluez.GattCharacteristic1";

  @DBusInterfaceName(ADAPTER)
  public interface Adapter1 extends DBusInterface {
    void StartDiscovery();

    void StopDiscovery();

    void SetDiscoveryFilter(Map<String, Variant<?>> filter);
  }

  @DBusInterfaceName(DEVICE)
  public interface Device1 extends DBusInterface {
    void Connect();

    void Disconnect();
  }

  @DBusInterfaceName(CHARACTERISTIC)
  public interface GattCharacteristic1 extends DBusInterface {
    void StartNotify();

    void StopNotify();

    void WriteValue(byte[] value, Map<String, Variant<?>> options);
  }
}
