package com.rollercoach.cli;

import com.rollercoach.core.NumberText;
import com.rollercoach.sim.Archetype;
import com.rollercoach.sim.DeviceSetup;
import com.rollercoach.sim.SessionTruth;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}: writes one physically simulated session as CSV plus its ground truth. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a physically grounded foam-rolling session, with its ground truth.",
      "Writes FILE (project CSV) and FILE.truth.json (what really happened). The same seed gives the same session."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--seed", paramLabel = "N", required = true, description = "Random seed.")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV to write.")
  Path out;

  @Option(
      names = "--rate",
      paramLabel = "HZ",
      description = "Sample rate, 25–1000 Hz (default: the device's usual rate).")
  double rateHz;

  @Option(
      names = "--profile", paramLabel = "NAME",
      defaultValue = "random",
      description =
          "Kind of person: random, typical, slow, fast, short-strokes, long-strokes, pauser,"
              + " tender-rocker, two-sets, no-hold (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(
      names = "--device", paramLabel = "NAME",
      description = "Sensor preset: mpu6050-usb, lsm6ds3-ble, bmi160-logger, icm20948-usb (default: drawn).")
  String device;

  @Option(
      names = "--roller-diameter-cm",
      paramLabel = "D",
      description = "Nominal roller diameter, cm, within the range every command accepts (default or 0: drawn from 10, 12.5, 14, 15).")
  double rollerDiameterCm;

  @Option(
      names = "--min-duration-s",
      paramLabel = "S",
      description = "Append sets until the session lasts at least this long.")
  double minDurationS;

  @Option(
      names = "--setup",
      defaultValue = "",
      paramLabel = "COND[,COND]",
      description = "Real-world conditions (see docs/simulator.md), e.g. vibration-before-on,ble-stalls.")
  String setup;

  @Option(names = "--truth-trace", description = "Also write the true s(t) at 10 Hz into the truth.")
  boolean truthTrace;

  @Option(names = "--force", description = "Overwrite FILE and FILE.truth.json if they exist.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    SimulationSpec spec = spec();
    SimulatedSession session = SimulatedSession.create(spec);
    OutputFiles.prepare(force, "session.csv", out, SimulatedSession.truthPathFor(out));
    long[] samples = new long[1];
    OutputFiles.writing(out, () -> samples[0] = session.writeCsv(out, truthTrace));
    SessionTruth truth = session.truth(false);
    System.out.printf(
        Locale.ROOT,
        "%s: %d samples, %.0f s, %s on %s at %s Hz, roller %s cm%n"
            + "%s: %d passes, %d rolls, %d tender spots, %d holds, %d gaps%n",
        out,
        samples[0],
        truth.durationS(),
        truth.profile(),
        truth.device(),
        NumberText.plain(truth.sampleRateHz()),
        NumberText.plain(truth.rollerDiameterCm()),
        SimulatedSession.truthPathFor(out),
        truth.passes(),
        truth.rolls(),
        truth.dwells().size(),
        truth.extensionHolds().size(),
        truth.gaps().size());
    return 0;
  }

  /** The longest session simulate writes: a day (at 1 kHz about 7 GB of CSV). */
  static final double MAX_DURATION_S = 24 * 3600;

  private SimulationSpec spec() {
    if (rateHz != 0 && (rateHz < 25 || rateHz > 1000)) {
      throw new UserInputException("--rate " + NumberText.plain(rateHz) + ": must be between 25 and 1000 Hz");
    }
    // 0 draws a common size; anything else is held to the range every command accepts (it was 0–40 here
    // while analyze took 2–100, so a simulated 50 cm session could not be made, and 1 cm could)
    if (rollerDiameterCm != 0) LiveSupport.diameter("--roller-diameter-cm", rollerDiameterCm);
    // a day at most: --min-duration-s 99999999 (a typo, or three years) planned for minutes, then ran
    // out of memory or filled the disk, with no word
    if (!(minDurationS >= 0 && minDurationS <= MAX_DURATION_S)) {
      throw new UserInputException("--min-duration-s " + NumberText.plain(minDurationS) + ": must be 0–"
          + NumberText.plain(MAX_DURATION_S) + " s (24 h)");
    }
    Archetype archetype = null;
    if (!profile.equalsIgnoreCase("random")) {
      try {
        archetype = Archetype.parse(profile);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(
            "--profile " + profile + ": unknown (one of random, "
                + String.join(", ", Arrays.stream(Archetype.values()).map(Archetype::cliName).toList())
                + ")");
      }
    }
    if (device != null && !DeviceSetup.PRESETS.contains(device.toLowerCase(Locale.ROOT))) {
      throw new UserInputException(
          "--device " + device + ": unknown (one of " + String.join(", ", DeviceSetup.PRESETS) + ")");
    }
    java.util.Set<com.rollercoach.sim.Condition> conditions = new java.util.HashSet<>();
    for (String c : setup.split(",")) {
      if (c.isBlank() || c.trim().equals("ordinary")) continue;
      try {
        conditions.add(com.rollercoach.sim.Condition.parse(c));
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--setup " + c.trim() + ": unknown condition (one of "
            + String.join(", ", Arrays.stream(com.rollercoach.sim.Condition.values())
                .map(com.rollercoach.sim.Condition::cliName).toList()) + ")");
      }
    }
    return new SimulationSpec(
        seed, archetype, device, rateHz, rollerDiameterCm, minDurationS, conditions);
  }

}
