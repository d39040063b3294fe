#!/usr/bin/env python3
"""Writes an N-row CSV in Synthea's 13-column medications layout, for benchmarks.

Rows are synthetic, shaped like Synthea's output: a patient's rows come in runs (Synthea
writes a patient's prescriptions in a few stretches, not sorted by patient: the Nebraska
sample has 6,124 rows in 343 runs for 105 patients), about 60 rows per patient, random
dates, an empty STOP for one prescription in five, and RxNorm-style descriptions weighted
so that everyday drugs are common and interacting ones present (about a third of rows).
Usage: generate_synthea_layout.py ROWS OUTPUT.csv
"""
import random
import sys
import uuid

DESCRIPTIONS = [
    "Amoxicillin 500 MG Oral Tablet", "lisinopril 10 MG Oral Tablet", "Simvastatin 20 MG Oral Tablet",
    "24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet", "Acetaminophen 325 MG Oral Tablet",
    "Ibuprofen 200 MG Oral Tablet", "amLODIPine 5 MG Oral Tablet", "Hydrochlorothiazide 25 MG Oral Tablet",
    "sertraline 50 MG Oral Tablet", "tramadol hydrochloride 50 MG Oral Tablet", "Fluoxetine 20 MG Oral Capsule",
    "NDA020983 200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler [Ventolin]", "Lithium Carbonate 300 MG Oral Capsule",
    "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet", "Haloperidol 5 MG Oral Tablet",
    "Metoclopramide 10 MG Oral Tablet", "Phenelzine 15 MG Oral Tablet", "Atorvastatin 20 MG Oral Tablet",
    "Clopidogrel 75 MG Oral Tablet", "Naproxen sodium 220 MG Oral Tablet", "Jolivette 28 Day Pack",
    "120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler", "Penicillin V Potassium 250 MG Oral Tablet",
    "Hydrocodone Bitartrate 10 MG / Acetaminophen 325 MG Oral Tablet", "Methylphenidate Hydrochloride 20 MG Oral Tablet",
]
HEADER = "START,STOP,PATIENT,PAYER,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,PAYER_COVERAGE,DISPENSES,TOTALCOST,REASONCODE,REASONDESCRIPTION\n"


def main() -> None:
    rows, path = int(sys.argv[1]), sys.argv[2]
    generator = random.Random(42)
    patients = [str(uuid.UUID(int=generator.getrandbits(128))) for _ in range(max(1, rows // 60))]
    payer = str(uuid.UUID(int=generator.getrandbits(128)))
    # The first eight descriptions are everyday drugs with no interaction: weight them up.
    weights = [6] * 8 + [1] * (len(DESCRIPTIONS) - 8)
    run_left, patient = 0, patients[0]
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for _ in range(rows):
            if run_left == 0:
                run_left, patient = generator.randint(1, 36), generator.choice(patients)
            run_left -= 1
            year, month, day = generator.randint(1990, 2023), generator.randint(1, 12), generator.randint(1, 28)
            start = f"{year:04d}-{month:02d}-{day:02d}T08:00:00Z"
            stop = "" if generator.random() < 0.2 else f"{year + generator.randint(0, 1):04d}-{month:02d}-{day:02d}T08:00:00Z"
            description = generator.choices(DESCRIPTIONS, weights)[0]
            quoted = f'"{description}"' if generator.random() < 0.1 else description
            encounter = str(uuid.UUID(int=generator.getrandbits(128)))
            out.write(f"{start},{stop},{patient},{payer},{encounter},308192,{quoted},"
                      f"12.50,0.00,{generator.randint(1, 12)},150.00,,\n")


if __name__ == "__main__":
    main()
