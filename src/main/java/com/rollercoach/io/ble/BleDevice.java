package com.rollercoach.io.ble;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * A BLE device offering a serial-like service, as a scan found it.
 *
 * @param name the advertised name ("" when it has none)
 * @param address its Bluetooth address, AA:BB:CC:DD:EE:FF
 * @param rssi signal strength in dBm when the scan heard it (empty for a cached device not in range)
 * @param service which byte-pipe service it offers
 * @param objectPath BlueZ's D-Bus object for it
 */
public record BleDevice(String name, String address, OptionalInt rssi, BleService service, String objectPath) {
  /** True when {@code nameOrAddress} names this device: its address, or its name (case ignored). */
  public boolean matches(String nameOrAddress) {
    String q = nameOrAddress.trim();
    return address.equalsIgnoreCase(q) || (!name.isEmpty() && name.equalsIgnoreCase(q));
  }

  /** One line for {@code ports}: name, address, RSSI, service. */
  public String describe() {
    return String.format(Locale.ROOT, "%-20s %s  %s  %s", name.isEmpty() ? "(no name)" : name, address,
        rssi.isPresent() ? rssi.getAsInt() + " dBm" : "  ? dBm", service.label());
  }
}
