package com.rollercoach.sim.bench;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.coach.live.CueText;
import com.rollercoach.sim.SessionTruth;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The live coach's cues on simulated sessions, each judged against what really happened ({@link
 * CueJudge}): the sessions of {@code bench accuracy} (same seeds and setups), played through the
 * pipeline and the cue engine exactly as {@code replay} does, sample by sample. A cue nobody should
 * have heard — "Tender spot." to somebody getting up, "Stay between the shoulder blades" during the
 * roll-away — is listed with the options that reproduce its session.
 */
public final class CueBenchmark {
  private CueBenchmark() {}

  /** One unjustified cue: its session, its time from the session's start, its words, why. */
  public record Fault(String session, double atS, String words, String why) {}

  /** One cue of a judged kind: its kind's name, and why it was unjustified (null when it was not). */
  record Judged(String kind, Fault fault) {}

  /** The cues of a run: how many of each kind were heard, how many unjustified, and which. */
  public record Tally(int sessions, Map<String, int[]> byKind, List<Fault> faults) {
    public int heard() {
      return byKind.values().stream().mapToInt(c -> c[0]).sum();
    }
  }

  /** Runs {@code sessions} sessions of each setup on {@code threads} threads. */
  public static Tally run(int sessions, long seed, int threads, List<BenchSetup> setups)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<List<Judged>>> futures = new ArrayList<>();
      for (BenchSetup setup : setups) {
        for (int i = 0; i < sessions; i++) {
          SimulationSpec spec = AccuracyBenchmark.specFor(seed, i, setup);
          futures.add(pool.submit(() -> runOne(spec)));
        }
      }
      Map<String, int[]> byKind = new LinkedHashMap<>();
      for (Class<? extends Cue> k : CueJudge.JUDGED) byKind.put(k.getSimpleName(), new int[2]);
      List<Fault> faults = new ArrayList<>();
      for (Future<List<Judged>> f : futures) {
        try {
          for (Judged judged : f.get()) {
            int[] c = byKind.get(judged.kind());
            c[0]++;
            if (judged.fault() != null) {
              c[1]++;
              faults.add(judged.fault());
            }
          }
        } catch (ExecutionException e) {
          throw new IllegalStateException("session failed: " + e.getCause(), e.getCause());
        }
      }
      return new Tally(futures.size(), byKind, faults);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One session's judged cues, every cue of a judged kind. */
  static List<Judged> runOne(SimulationSpec spec) {
    SimulatedSession session = SimulatedSession.create(spec);
    SessionTruth truth = session.truth(false);
    PipelineConfig config = PipelineConfig.defaults().withRollerDiameterCm(session.nominalDiameterCm());
    Prescription prescription = Prescription.protocolDefault();
    CuePlayback.Result played;
    try {
      played = CuePlayback.play(session::play, config, prescription);
    } catch (Exception e) {
      throw new IllegalStateException("a simulated session cannot fail to play", e);
    }
    double first = played.firstS();
    String label = String.format(Locale.ROOT, "--seed %d --profile %s%s", spec.seed(), truth.profile(),
        spec.conditions().isEmpty() ? "" : " --setup " + String.join(",",
            spec.conditions().stream().map(c -> c.cliName()).sorted().toList()));
    CueJudge judge = new CueJudge(truth, prescription.targets());
    List<Judged> out = new ArrayList<>();
    for (Cue c : played.cues()) {
      if (CueJudge.JUDGED.stream().noneMatch(k -> k.isInstance(c))) continue;
      String why = judge.fault(c);
      out.add(new Judged(c.getClass().getSimpleName(),
          why == null ? null : new Fault(label, c.atS() - first, CueText.of(c), why)));
    }
    return out;
  }

  /** The report: a line per kind of cue, then the unjustified ones (at most {@code show}). */
  public static String render(Tally t, String heading, int show) {
    StringBuilder b = new StringBuilder(heading).append('\n');
    b.append(String.format(Locale.ROOT, "%-14s %7s %12s%n", "cue", "heard", "unjustified"));
    for (Map.Entry<String, int[]> e : t.byKind().entrySet()) {
      b.append(String.format(Locale.ROOT, "%-14s %7d %12d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    b.append(String.format(Locale.ROOT, "%-14s %7d %12d%n", "all", t.heard(), t.faults().size()));
    if (!t.faults().isEmpty()) {
      b.append("\nunjustified cues (reproduce with `simulate` and these options, then `replay --cues`):\n");
      for (Fault f : t.faults().subList(0, Math.min(show, t.faults().size()))) {
        long s = Math.round(f.atS());
        b.append(String.format(Locale.ROOT, "  %s at %d:%02d: \"%s\" (%s)%n", f.session(), s / 60, s % 60,
            f.words(), f.why()));
      }
    }
    return b.toString();
  }
}
