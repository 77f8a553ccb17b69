package com.rollercoach.gui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.CoachingTargets;

/**
 * What a user sets once and keeps: their roller, their prescription, sound and display preferences,
 * where sessions go. Saved per user by {@link SettingsStore}.
 *
 * @param rollerDiameterCm the loaded diameter of the user's roller
 * @param targets the prescription live cues and the summary judge against
 * @param sound tones on (the mute button toggles it for the session)
 * @param speech speak cue words too, when a speech engine is installed
 * @param largeText larger type everywhere, for reading from the floor
 * @param dataDir the data folder: recordings go to its {@code sessions/} (where the review library
 *     finds them), summaries of sessions without a recording to {@code summaries/}
 * @param metronome a soft tick at the patient's prescribed seconds per pass while rolling
 * @param patient the patient last chosen on the start screen (null: none yet)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserSettings(
    double rollerDiameterCm,
    CoachingTargets targets,
    boolean sound,
    boolean speech,
    boolean largeText,
    String dataDir,
    boolean metronome,
    String patient) {

  public UserSettings(double rollerDiameterCm, CoachingTargets targets, boolean sound, boolean speech,
      boolean largeText, String dataDir) {
    this(rollerDiameterCm, targets, sound, speech, largeText, dataDir, false, null);
  }

  public UserSettings withMetronome(boolean on) {
    return new UserSettings(rollerDiameterCm, targets, sound, speech, largeText, dataDir, on, patient);
  }

  public UserSettings withPatient(String p) {
    return new UserSettings(rollerDiameterCm, targets, sound, speech, largeText, dataDir, metronome, p);
  }

  public static UserSettings defaults(String dataDir) {
    return new UserSettings(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM, CoachingTargets.defaults(),
        true, false, false, dataDir);
  }

  public PipelineConfig pipelineConfig() {
    return PipelineConfig.defaults().withRollerDiameterCm(rollerDiameterCm);
  }

  public UserSettings withLargeText(boolean on) {
    return new UserSettings(rollerDiameterCm, targets, sound, speech, on, dataDir, metronome, patient);
  }

  public UserSettings withSound(boolean on) {
    return new UserSettings(rollerDiameterCm, targets, on, speech, largeText, dataDir, metronome, patient);
  }

  /** Why these settings cannot be used, or null when they can. */
  public String problem() {
    if (!(rollerDiameterCm >= 3 && rollerDiameterCm <= 40)) {
      return "roller diameter must be between 3 and 40 cm";
    }
    CoachingTargets t = targets;
    if (t.rollsMin() < 1 || t.rollsMax() < t.rollsMin()) {
      return "rolls: the minimum must be at least 1 and not above the maximum";
    }
    if (!(t.paceCmS() > 0) || !(t.paceTooFastCmS() > t.paceCmS())) {
      return "pace: the 'too fast' limit must be above the recommended pace";
    }
    if (!(t.dwellMinS() > 0) || t.dwellMaxS() < t.dwellMinS()) {
      return "dwell: the minimum must be positive and not above the maximum";
    }
    if (!(t.holdTargetS() >= 10)) {
      return "hold time must be at least 10 s";
    }
    if (dataDir == null || dataDir.isBlank()) {
      return "choose a data folder";
    }
    return null;
  }
}
