package com.rollercoach.io.serial;

/**
 * A serial port the operating system lists, as the {@code ports} command and the GUI's picker show it.
 *
 * @param path what to pass to {@code --port} ("/dev/ttyACM0", "COM7")
 * @param description the driver's or USB device's description ("Roller Coach IMU", "CP2102 USB to UART")
 * @param vendorId USB vendor id, −1 when not a USB device
 * @param productId USB product id, −1 when not a USB device
 * @param likelyRoller whether it looks like a roller (or a board one is commonly built on), so
 *     {@code --port auto} asks it first
 */
public record PortInfo(
    String path,
    String description,
    String manufacturer,
    int vendorId,
    int productId,
    String serialNumber,
    boolean likelyRoller) {

  /** "vid:pid" in hex, or "" for ports that are not USB. */
  public String usbId() {
    return vendorId < 0 ? "" : String.format("%04x:%04x", vendorId, productId);
  }
}
