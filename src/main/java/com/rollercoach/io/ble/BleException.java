package com.rollercoach.io.ble;

import java.io.IOException;

/**
 * BLE could not be used; the message is one line saying where, why and what to do. The reason tells
 * whether retrying can help (a device out of range comes back; a missing BlueZ does not).
 */
public final class BleException extends IOException {
  public enum Reason {
    /** No D-Bus system bus, or BlueZ (bluetoothd) is not on it. */
    NO_BLUEZ,
    /** BlueZ runs but has no Bluetooth adapter, or it is switched off. */
    NO_ADAPTER,
    /** D-Bus or BlueZ refused us (policy, rfkill, not authorised). */
    PERMISSION_DENIED,
    /** No device of that name or address was found. */
    NOT_FOUND,
    /** Connecting or setting the link up failed; may work on a retry. */
    LINK_FAILED
  }

  private final Reason reason;

  public BleException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public BleException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Can a later attempt succeed without the user doing something? */
  public boolean transientFailure() {
    return reason == Reason.NOT_FOUND || reason == Reason.LINK_FAILED;
  }
}
