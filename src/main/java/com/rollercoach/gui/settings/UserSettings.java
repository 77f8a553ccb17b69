package com.rollercoach.gui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.rollercoach.core.PipelineConfig;

/**
 * What a user sets once and keeps: their roller, sound and display preferences, the patient last
 * chosen. Saved per data folder by {@link SettingsStore}.
 *
 * <p>No coaching targets here: rolls, pace, tender-spot and hold times are the patient's
 * prescription ({@code review.patients.Patients}), edited on the start screen or with {@code patients
 * prescribe}, so the window, the terminal, the reports and progress all judge by the one value. No
 * data folder either: it is resolved once when the app starts ({@code gui --data-dir DIR}, else
 * {@code ~/.roller-coach}) and the settings live inside it. Old settings files that still carry
 * {@code targets} or {@code dataDir} load fine (unknown fields are ignored).
 *
 * @param rollerDiameterCm the loaded diameter of the user's roller (a replayed file's own roller and
 *     a device calibration win)
 * @param sound tones on (the mute button toggles it for the session)
 * @param speech speak cue words too, when a speech engine is installed
 * @param largeText larger type everywhere, for reading from the floor
 * @param metronome a soft tick at the patient's prescribed seconds per pass while rolling
 * @param patient the patient last chosen on the start screen (null: none yet)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserSettings(
    double rollerDiameterCm,
    boolean sound,
    boolean speech,
    boolean largeText,
    boolean metronome,
    String patient) {

  public static UserSettings defaults() {
    return new UserSettings(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM, true, false, false, false, null);
  }

  public UserSettings withMetronome(boolean on) {
    return new UserSettings(rollerDiameterCm, sound, speech, largeText, on, patient);
  }

  public UserSettings withPatient(String p) {
    return new UserSettings(rollerDiameterCm, sound, speech, largeText, metronome, p);
  }

  public UserSettings withLargeText(boolean on) {
    return new UserSettings(rollerDiameterCm, sound, speech, on, metronome, patient);
  }

  public UserSettings withSound(boolean on) {
    return new UserSettings(rollerDiameterCm, on, speech, largeText, metronome, patient);
  }

  public PipelineConfig pipelineConfig() {
    return PipelineConfig.defaults().withRollerDiameterCm(rollerDiameterCm);
  }

  /** Why these settings cannot be used, or null when they can. */
  public String problem() {
    if (!com.rollercoach.core.sample.SampleValidator.plausibleDiameterCm(rollerDiameterCm)) {
      return com.rollercoach.core.sample.SampleValidator.implausibleDiameter(rollerDiameterCm);
    }
    return null;
  }
}
