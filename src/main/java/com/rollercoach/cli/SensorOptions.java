package com.rollercoach.cli;

import com.rollercoach.core.protocol.text.LineLayout;
import com.rollercoach.io.sensors.DeviceProfile;
import com.rollercoach.io.sensors.DeviceProfiles;
import com.rollercoach.io.sensors.PhyphoxLiveSource;
import com.rollercoach.io.sensors.SensorFormatException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that say what a sensor people own sends (docs/sensors.md), as a picocli mixin:
 * {@code --profile}, {@code --columns}, {@code --units}, {@code --rate} for Arduino text, and
 * {@code --phyphox} for a phone. The text statements travel as a preamble of {@code #} header
 * lines put in front of the port's bytes, so the recording carries them and replays decode alike.
 */
public final class SensorOptions {
  @Option(names = "--profile", paramLabel = "NAME",
      description = "Device profile (built in, or ~/.roller-coach/profiles/NAME.json); see 'ports'")
  String profile;

  @Option(names = "--columns", paramLabel = "LIST",
      description = "Meaning of each field of a text line, e.g. t_ms,ax,ay,az,gx,gy,gz (skip unused ones)")
  String columns;

  @Option(names = "--units", paramLabel = "A,G",
      description = "Units of a text line's readings: accelerometer g|m/s^2|mg, gyroscope dps|rad/s|mdps")
  String units;

  @Option(names = "--rate", paramLabel = "HZ", description = "Sample rate of text lines without a time column")
  Double rateHz;

  @Option(names = "--phyphox", paramLabel = "ADDRESS",
      description = "Read a phone running phyphox (Remote access on), e.g. 192.168.0.42:8080")
  String phyphox;

  /** The command's data folder, whose profiles/ --profile names (null: the default one). */
  com.rollercoach.io.DataFolder data;

  private DeviceProfile profile() {
    if (profile == null) return null;
    try {
      return DeviceProfiles.of(data != null ? data : com.rollercoach.io.DataFolder.resolve(null)).get(profile);
    } catch (SensorFormatException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /** What the user stated about text lines: options first, then the profile. */
  public LineLayout layout() {
    LineLayout l = LineLayout.auto();
    try {
      if (columns != null) l = l.withColumns(LineLayout.parseColumns(columns));
      if (units != null) l = l.withUnitsText(units);
    } catch (IllegalArgumentException e) {
      throw new UserInputException((columns != null && units == null ? "--columns: " : "--columns/--units: ")
          + e.getMessage());
    }
    if (rateHz != null) {
      if (!(rateHz > 0 && rateHz <= 10_000)) throw new UserInputException("--rate must be in (0, 10000] Hz");
      l = l.withSampleRate(rateHz);
    }
    DeviceProfile p = profile();
    return p == null ? l : l.orElse(p.layout());
  }

  /** The phone to read, from {@code --phyphox} or a phyphox profile. */
  public Optional<URI> phone() {
    String address = phyphox;
    DeviceProfile p = profile();
    if (address == null && p != null && DeviceProfile.PHYPHOX.equals(p.format())) address = p.address();
    if (address == null) return Optional.empty();
    try {
      return Optional.of(PhyphoxLiveSource.phoneUri(address));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--phyphox: " + e.getMessage());
    }
  }

  /** A profile's baud rate, if it names one. */
  public Optional<Integer> baud() {
    DeviceProfile p = profile();
    return p == null ? Optional.empty() : Optional.ofNullable(p.baud());
  }

  /** {@code # columns=…}, {@code # units=…}, {@code # rate_hz=…} lines, or empty if nothing stated. */
  public Optional<byte[]> preamble() {
    LineLayout l = layout();
    StringBuilder sb = new StringBuilder();
    if (l.hasColumns()) {
      sb.append("# columns=");
      for (int i = 0; i < l.columns().size(); i++) {
        if (i > 0) sb.append(',');
        sb.append(l.columns().get(i).spelling());
      }
      sb.append('\n');
    }
    if (l.accelUnit().isPresent() && l.gyroUnit().isPresent()) {
      sb.append("# units=").append(l.accelUnit().get().symbol()).append(',')
          .append(l.gyroUnit().get().symbol()).append('\n');
    }
    if (!Double.isNaN(l.sampleRateHz())) {
      sb.append(String.format(Locale.ROOT, "# rate_hz=%s", l.sampleRateHz())).append('\n');
    }
    return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
