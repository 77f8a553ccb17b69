package com.rollercoach.cli;

import com.rollercoach.io.ble.BleDevice;
import com.rollercoach.io.ble.BleException;
import com.rollercoach.io.ble.Bluez;
import com.rollercoach.io.sensors.DeviceProfiles;
import com.rollercoach.io.sensors.SensorFormatException;
import com.rollercoach.io.sensors.SensorSources;
import com.rollercoach.io.serial.PortInfo;
import com.rollercoach.io.serial.SerialPorts;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ports}: the serial ports the system lists, likely rollers first. */
@Command(
    name = "ports",
    mixinStandardHelpOptions = true,
    description = {
      "List candidate serial ports (likely rollers first, marked *) and Bluetooth LE rollers (Linux, BlueZ).",
      "Pseudo-terminals (socat, the emulator) and Bluetooth /dev/rfcomm* bindings are often not listed:"
          + " pass their path to --port directly."
    })
public final class PortsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin DataDirOption data = new DataDirOption();

  @Option(names = "--ble-scan", paramLabel = "S", defaultValue = "3",
      description = "Seconds to scan for Bluetooth LE rollers (0: only those BlueZ knows already; default: ${DEFAULT-VALUE})")
  double bleScanS;

  @Override
  public Integer call() {
    // refused before anything is listed, not after the serial ports
    if (!(bleScanS >= 0)) throw new UserInputException("--ble-scan must be >= 0 seconds");
    PrintWriter out = spec.commandLine().getOut();
    List<PortInfo> ports = SerialPorts.list();
    // a heading as the Bluetooth and other-sources sections have ("*" marks a likely roller)
    out.println("Serial ports (USB, Bluetooth SPP; * = looks like a roller):");
    if (ports.isEmpty()) {
      out.println("  No serial ports found. Plug the roller in (USB) or pair it (Bluetooth), then try again.");
    }
    for (PortInfo p : ports) {
      out.printf("%s %-22s %s%s%s%n", p.likelyRoller() ? "*" : " ", p.path(), p.description(),
          p.manufacturer().isEmpty() ? "" : " (" + p.manufacturer() + ")",
          p.usbId().isEmpty() ? "" : " [usb " + p.usbId() + "]");
    }
    printBle(out);
    printOtherSources(out, data.folder());
    out.println();
    out.println("Use one with: roller-coach record --port PATH   (or --port auto to find the roller).");
    out.println("Ptys and Bluetooth SPP (/dev/rfcomm0, COM7) are opened by path even when not listed here.");
    out.println("Linux: 'permission denied' means: sudo usermod -aG dialout $USER, then log in again.");
    out.flush();
    return 0;
  }

  /** BLE devices with the Nordic UART or FFE0 service; where BLE is unavailable, one line saying why. */
  private void printBle(PrintWriter out) {
    out.println();
    out.println("Bluetooth LE rollers (Nordic UART / FFE0 service):");
    out.flush();
    try (Bluez bluez = Bluez.connect()) {
      List<BleDevice> devices = bleScanS > 0
          ? bluez.scan(Duration.ofMillis(Math.round(bleScanS * 1000))) : bluez.devices();
      if (devices.isEmpty()) out.println("  none found (is the roller on, in range and not connected to a phone?)");
      for (BleDevice d : devices) out.println("* " + d.describe());
      if (!devices.isEmpty()) out.println("  Use one with: roller-coach record --ble NAME|ADDRESS");
    } catch (BleException e) {
      out.println("  " + e.getMessage());
    }
  }

  /** Phones (phyphox) and device profiles: the sensors-people-own sources (docs/sensors.md). */
  private static void printOtherSources(PrintWriter out, com.rollercoach.io.DataFolder folder) {
    List<SensorSources.Source> others;
    try {
      others = SensorSources.others(DeviceProfiles.of(folder));
    } catch (SensorFormatException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    out.println();
    out.println("Other sources (x-IMU3 and Arduino sketches come over the serial ports above):");
    for (SensorSources.Source s : others) {
      out.printf("  %-28s %s%n", s.use(), s.description());
    }
  }
}
