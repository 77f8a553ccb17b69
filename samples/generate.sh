#!/usr/bin/env bash
# Regenerates the bundled sample sessions and their ground truth (deterministic: same files every time).
#   samples/generate.sh            (after `mvn -o -q package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
sim() { java -jar target/roller-coach.jar simulate --force --truth-trace "$@"; }
sim --seed 4 --profile typical       --device bmi160-logger --rate 50  --roller-diameter-cm 15   --out samples/typical-session.csv
sim --seed 1 --profile tender-rocker --device lsm6ds3-ble   --rate 26  --roller-diameter-cm 14   --out samples/tender-spots-bluetooth.csv
sim --seed 2 --profile fast          --device mpu6050-usb   --rate 100 --roller-diameter-cm 12.5 --out samples/fast-roller.csv
sim --seed 1 --profile two-sets      --device icm20948-usb  --rate 100 --roller-diameter-cm 15   --out samples/two-sets.csv
