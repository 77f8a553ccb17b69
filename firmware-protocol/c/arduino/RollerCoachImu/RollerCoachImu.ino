/*
 * Roller Coach reference firmware: Arduino Nano 33 IoT (SAMD21 + on-board LSM6DS3) streaming the
 * Roller Coach wire protocol v1 (../../../PROTOCOL.md) over USB serial.
 *
 * Build (documented, not run in CI):
 *   cp ../../rc_protocol.h ../../rc_protocol.c .          # the portable C library, beside the sketch
 *   arduino-cli core install arduino:samd
 *   arduino-cli compile --fqbn arduino:samd:nano_33_iot .
 *   arduino-cli upload  --fqbn arduino:samd:nano_33_iot -p /dev/ttyACM0 .
 * Then: java -jar target/roller-coach.jar record --port auto
 *
 * The LSM6DS3 is read by register over I2C (address 0x6A on this board) instead of through
 * Arduino_LSM6DS3, because that library returns floats at a fixed 104 Hz and we send raw counts at
 * 208 Hz: ±4 g (0.122 mg/LSB) and ±500 dps (17.50 mdps/LSB), datasheet DocID026899 table 3.
 * The ranges in HELLO are sensitivity × 32768, so the host's counts × range / 32768 is exact.
 *
 * Mounting: fix the board anywhere inside the roller, any orientation, away from the very end caps;
 * the host finds the roll axis itself. Power from a USB power bank or the USB cable.
 */
#include <Wire.h>

#include "rc_protocol.h"

static const uint8_t LSM6DS3_ADDR = 0x6A;
static const uint8_t REG_WHO_AM_I = 0x0F;   /* reads 0x69 */
static const uint8_t REG_CTRL1_XL = 0x10;
static const uint8_t REG_CTRL2_G = 0x11;
static const uint8_t REG_CTRL3_C = 0x12;
static const uint8_t REG_STATUS = 0x1E;     /* bit 0 XLDA, bit 1 GDA, bit 2 TDA */
static const uint8_t REG_OUT_TEMP_L = 0x20; /* 16 LSB/°C, 0 = 25 °C */
static const uint8_t REG_OUTX_L_G = 0x22;   /* gyro x,y,z then accel x,y,z: 12 bytes */

/* ODR codes (upper nibble): 0x3 = 52 Hz, 0x4 = 104, 0x5 = 208, 0x6 = 416, 0x7 = 833 Hz. */
static const uint8_t ODR_CODES[] = {0x3, 0x4, 0x5, 0x6, 0x7};
static const uint16_t ODR_HZ[] = {52, 104, 208, 416, 833};
static const uint8_t FS_XL_4G = 0x08;     /* CTRL1_XL bits 3:2 = 10 */
static const uint8_t FS_G_500DPS = 0x04;  /* CTRL2_G bits 3:2 = 01 */
static const float ACCEL_RANGE_G = 0.122e-3f * 32768.0f;   /* 3.997696 */
static const float GYRO_RANGE_DPS = 17.50e-3f * 32768.0f;  /* 573.44 */

static rc_decoder_t commands;
static uint16_t tx_seq; /* every frame we send is numbered; 0 is the boot HELLO */
static uint8_t odr_index = 2; /* 208 Hz */
static bool streaming = true;
static uint16_t errors;
static uint32_t dropped;
static uint32_t last_status_ms;
static char device_id[RC_STRING_LEN + 1];

static void write_reg(uint8_t reg, uint8_t value) {
  Wire.beginTransmission(LSM6DS3_ADDR);
  Wire.write(reg);
  Wire.write(value);
  Wire.endTransmission();
}

static bool read_regs(uint8_t reg, uint8_t *out, uint8_t n) {
  Wire.beginTransmission(LSM6DS3_ADDR);
  Wire.write(reg);
  if (Wire.endTransmission(false) != 0) return false;
  if (Wire.requestFrom(LSM6DS3_ADDR, n) != n) return false;
  for (uint8_t i = 0; i < n; i++) out[i] = (uint8_t)Wire.read();
  return true;
}

static void configure_imu(void) {
  write_reg(REG_CTRL3_C, 0x44); /* BDU: outputs not updated mid-read; IF_INC: auto-increment */
  write_reg(REG_CTRL1_XL, (uint8_t)(ODR_CODES[odr_index] << 4 | FS_XL_4G));
  write_reg(REG_CTRL2_G, (uint8_t)(ODR_CODES[odr_index] << 4 | FS_G_500DPS));
}

/* Sends a frame only if the USB buffer has room: never block sampling, count what is dropped. */
static bool send(const uint8_t *frame, size_t n) {
  if ((size_t)Serial.availableForWrite() < n) return false;
  Serial.write(frame, n);
  return true;
}

static void send_hello(void) {
  rc_hello_t h;
  memset(&h, 0, sizeof h);
  h.protocol_version = RC_PROTOCOL_VERSION;
  h.flags = streaming ? RC_HELLO_STREAMING : 0;
  h.accel_range_g = ACCEL_RANGE_G;
  h.gyro_range_dps = GYRO_RANGE_DPS;
  h.sample_rate_hz = ODR_HZ[odr_index];
  strncpy(h.device_id, device_id, RC_STRING_LEN);
  strncpy(h.firmware_version, "1.0.0", RC_STRING_LEN);
  strncpy(h.sensor_model, "LSM6DS3", RC_STRING_LEN);
  uint8_t buf[RC_HELLO_FRAME_SIZE];
  size_t n = rc_encode_hello(buf, sizeof buf, tx_seq, &h);
  while ((size_t)Serial.availableForWrite() < n) {} /* rare and important: wait for room */
  Serial.write(buf, n);
  tx_seq++;
}

static void send_status(void) {
  rc_status_t s;
  uint8_t t[2];
  s.error_flags = errors;
  s.battery_percent = RC_BATTERY_UNKNOWN; /* USB powered */
  s.battery_mv = 0;
  s.temperature_centi_c = RC_TEMPERATURE_UNKNOWN;
  if (read_regs(REG_OUT_TEMP_L, t, 2)) {
    int16_t raw = (int16_t)(t[0] | t[1] << 8);
    s.temperature_centi_c = (int16_t)(2500 + (int32_t)raw * 100 / 16);
  }
  s.dropped_samples = dropped;
  uint8_t buf[RC_HEADER_SIZE + RC_STATUS_LEN + RC_CRC_SIZE];
  size_t n = rc_encode_status(buf, sizeof buf, tx_seq, &s);
  if (send(buf, n)) {
    tx_seq++;
    errors &= (uint16_t)~(RC_ERR_ACCEL_SATURATED | RC_ERR_GYRO_SATURATED | RC_ERR_OVERRUN);
  }
}

static void send_ack(const rc_frame_t *cmd, uint8_t result, uint32_t value) {
  rc_ack_t a = {cmd->u.command.code, cmd->seq, result, value};
  uint8_t buf[RC_HEADER_SIZE + RC_ACK_LEN + RC_CRC_SIZE];
  size_t n = rc_encode_ack(buf, sizeof buf, tx_seq, &a);
  while ((size_t)Serial.availableForWrite() < n) {}
  Serial.write(buf, n);
  tx_seq++;
}

static void on_command(const rc_frame_t *f, void *user) {
  (void)user;
  if (f->type != RC_TYPE_COMMAND) return;
  switch (f->u.command.code) {
    case RC_CMD_START_STREAMING:
      streaming = true;
      send_ack(f, RC_ACK_OK, 0);
      send_hello();
      break;
    case RC_CMD_STOP_STREAMING:
      streaming = false;
      send_ack(f, RC_ACK_OK, 0);
      break;
    case RC_CMD_SET_RATE: {
      uint32_t want = f->u.command.argument;
      if (want == 0) {
        send_ack(f, RC_ACK_INVALID_ARGUMENT, ODR_HZ[odr_index]);
        break;
      }
      uint8_t best = 0;
      for (uint8_t i = 1; i < sizeof ODR_HZ / sizeof ODR_HZ[0]; i++) {
        uint32_t d = ODR_HZ[i] > want ? ODR_HZ[i] - want : want - ODR_HZ[i];
        uint32_t b = ODR_HZ[best] > want ? ODR_HZ[best] - want : want - ODR_HZ[best];
        if (d < b) best = i;
      }
      odr_index = best;
      configure_imu();
      send_ack(f, RC_ACK_OK, ODR_HZ[odr_index]);
      send_hello();
      break;
    }
    case RC_CMD_REQUEST_HELLO:
      send_ack(f, RC_ACK_OK, 0);
      send_hello();
      break;
    case RC_CMD_REQUEST_STATUS:
      send_ack(f, RC_ACK_OK, 0);
      send_status();
      break;
    default:
      send_ack(f, RC_ACK_UNSUPPORTED, 0);
  }
}

static void make_device_id(void) {
  /* SAMD21 128-bit serial number (datasheet 9.3.3); 48 bits of it, mixed, as 12 hex digits. */
  const uint32_t w0 = *(volatile uint32_t *)0x0080A00C, w1 = *(volatile uint32_t *)0x0080A040;
  const uint32_t w2 = *(volatile uint32_t *)0x0080A044, w3 = *(volatile uint32_t *)0x0080A048;
  uint32_t hi = (w0 ^ w2) & 0xFFFFu, lo = w1 ^ w3;
  snprintf(device_id, sizeof device_id, "RC-%04lX%08lX", (unsigned long)hi, (unsigned long)lo);
}

static bool saturated(int16_t v) { return v == INT16_MAX || v == INT16_MIN; }

void setup() {
  Serial.begin(921600); /* USB CDC ignores the rate; a UART bridge needs >= 115200 at 208 Hz */
  Wire.begin();
  Wire.setClock(400000);
  make_device_id();
  rc_decoder_init(&commands, on_command, NULL);
  uint8_t who = 0;
  if (!read_regs(REG_WHO_AM_I, &who, 1) || who != 0x69) errors |= RC_ERR_IMU_FAULT;
  configure_imu();
  send_hello(); /* seq 0: tells the host we (re)started */
}

void loop() {
  while (Serial.available() > 0) rc_decoder_push(&commands, (uint8_t)Serial.read());

  uint32_t now_ms = millis();
  if (now_ms - last_status_ms >= 1000) {
    last_status_ms = now_ms;
    send_status();
  }

  uint8_t status;
  if (!read_regs(REG_STATUS, &status, 1)) {
    errors |= RC_ERR_IMU_FAULT;
    return;
  }
  if ((status & 0x03) != 0x03) return; /* wait for both accel and gyro data-ready */
  uint32_t t_us = micros();          /* stamped at data-ready, not at send */
  uint8_t raw[12];
  if (!read_regs(REG_OUTX_L_G, raw, sizeof raw)) {
    errors |= RC_ERR_IMU_FAULT;
    return;
  }
  if (!streaming) return;
  rc_imu_t imu;
  imu.t_us = t_us;
  for (int i = 0; i < 3; i++) {
    imu.gyro[i] = (int16_t)(raw[2 * i] | raw[2 * i + 1] << 8);
    imu.accel[i] = (int16_t)(raw[6 + 2 * i] | raw[6 + 2 * i + 1] << 8);
    if (saturated(imu.gyro[i])) errors |= RC_ERR_GYRO_SATURATED;
    if (saturated(imu.accel[i])) errors |= RC_ERR_ACCEL_SATURATED;
  }
  uint8_t buf[RC_IMU_FRAME_SIZE];
  size_t n = rc_encode_imu(buf, sizeof buf, tx_seq, &imu);
  if (!send(buf, n)) {
    dropped++; /* its sequence number is used up all the same, so the host counts it as lost */
    errors |= RC_ERR_OVERRUN;
  }
  tx_seq++;
}
