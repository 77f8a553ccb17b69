package com.rollercoach.gui.sound;

import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.coach.live.CueText;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays cues as short synthesized tones (and optionally speech) on a daemon thread of its own, so the
 * thread that raises a cue never waits for audio. With no audio device (a headless CI machine, a
 * server) the player turns itself off once, quietly, and cues are only shown.
 *
 * <p>The queue is small and {@link #accept} never blocks: if cues pile up faster than they can be
 * played (which the cue engine's own rate limits make unlikely), the newest are not sounded. Cues are
 * still shown on screen; only sound is dropped, never a sample.
 */
public final class CuePlayer implements Consumer<Cue>, AutoCloseable {
  private static final float RATE = 44_100f;
  private static final AudioFormat FORMAT = new AudioFormat(RATE, 16, 1, true, false);

  private final BlockingQueue<Cue> queue = new ArrayBlockingQueue<>(16);
  private final AtomicBoolean muted = new AtomicBoolean();
  private final AtomicBoolean speak = new AtomicBoolean();
  private final Speech speech;
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean audioAvailable = true;
  private volatile String audioProblem = "";
  private SourceDataLine line;

  public CuePlayer(Speech speech) {
    this.speech = speech;
    thread = new Thread(this::loop, "roller-coach-sound");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void accept(Cue cue) {
    if (!muted.get() && !closed) {
      queue.offer(cue);
    }
  }

  public void setMuted(boolean m) {
    muted.set(m);
    if (m) {
      queue.clear();
    }
  }

  public boolean muted() {
    return muted.get();
  }

  /** Speak each cue's words after its tones, when a speech engine is available. */
  public void setSpeak(boolean s) {
    speak.set(s);
  }

  public boolean speechAvailable() {
    return speech.available();
  }

  /** False once opening the audio device has failed; {@link #audioProblem()} says why. */
  public boolean audioAvailable() {
    return audioAvailable;
  }

  /** What failed, in words (never the exception's own text); "" while sound works. */
  public String audioProblem() {
    return audioProblem;
  }

  /**
   * The settings' audio line when sound failed: what failed and what to do, in one line (it was "No
   * audio device: cues are only shown (" + Java's exception text + ")").
   */
  public static String statusLine(String problem) {
    return "No sound: " + problem + ". Connect speakers or headphones, then press Test sound;"
        + " until then cues are only shown.";
  }

  /**
   * What failed opening the sound output, for a person: the settings showed Java's own text ("No line
   * matching interface SourceDataLine supporting format PCM_SIGNED 44100.0 Hz, …").
   */
  static String problem(Exception e) {
    if (e instanceof SecurityException) return "this program is not allowed to play sound";
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (e instanceof LineUnavailableException && !m.contains("no line matching")) {
      return "the sound output is busy (another program may be using it)";
    }
    return "no sound output found";
  }

  /**
   * Plays {@code cue} now, muted or not (the Settings "Test sound" button); whether the audio device
   * worked shows in {@link #audioAvailable()} right after.
   */
  public void test(Cue cue) {
    if (!closed) {
      audioAvailable = true; // try the device again: it may have been plugged in since
      queue.offer(cue);
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }

  private void loop() {
    try {
      while (!closed) {
        Cue cue = queue.poll(1, TimeUnit.SECONDS);
        if (cue == null) {
          continue;
        }
        play(CueSounds.of(cue));
        String words = CueText.spoken(cue);
        if (speak.get() && !muted.get() && !words.isEmpty()) {
          speech.say(words);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (line != null) {
        line.close();
      }
    }
  }

  private void play(List<Tone> tones) {
    if (!audioAvailable || tones.isEmpty()) {
      return;
    }
    try {
      if (line == null) {
        line = AudioSystem.getSourceDataLine(FORMAT);
        line.open(FORMAT, (int) (RATE * 2 / 5)); // 200 ms buffer
        line.start();
      }
      ByteArrayOutputStream pcm = new ByteArrayOutputStream();
      for (Tone t : tones) {
        pcm.writeBytes(t.pcm(RATE));
      }
      byte[] b = pcm.toByteArray();
      line.write(b, 0, b.length);
      line.drain();
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      // No sound card, no mixer, a headless box: show cues only, and say so once in settings.
      audioAvailable = false;
      audioProblem = problem(e);
      if (line != null) {
        line.close();
        line = null;
      }
    }
  }
}
