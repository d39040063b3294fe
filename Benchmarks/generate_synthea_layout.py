#!/usr/bin/env python3
"""Writes an N-row CSV in Synthea's 13-column medications layout, for benchmarks.

Usage: generate_synthea_layout.py ROWS OUTPUT.csv [runs|grouped|scattered]

Shapes (issue 13: batch must be fast on every shape of file, not only the first one):
- runs (the default, the benchmark's original file): a patient's rows come in runs (Synthea
  writes a patient's prescriptions in a few stretches, not sorted by patient: the Nebraska
  sample has 6,124 rows in 343 runs for 105 patients), about 60 rows per patient, 25 distinct
  descriptions.
- grouped: 7 prescriptions a patient (ROWS / 7 patients), each patient's rows together, in
  patient order, about 200 distinct RxNorm-style descriptions.
- scattered: the same rows as `grouped`, but every row's patient drawn at random from the
  same ROWS / 7 patients, so a patient's rows are spread through the whole file.

Every shape has random dates, an empty STOP for one prescription in five, and descriptions
weighted so that everyday drugs are common and interacting ones present; one description in ten
is quoted.
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

# RxNorm clinical-drug names (SCD/SBD style): ingredient, strengths, dose form. Everyday drugs
# first (weighted up), then drugs that some risk or rule mentions.
EVERYDAY = [
    ("lisinopril {} MG Oral Tablet", ["2.5", "5", "10", "20", "40"]),
    ("amLODIPine {} MG Oral Tablet", ["2.5", "5", "10"]),
    ("Simvastatin {} MG Oral Tablet", ["10", "20", "40"]),
    ("atorvastatin {} MG Oral Tablet", ["10", "20", "40", "80"]),
    ("Hydrochlorothiazide {} MG Oral Tablet", ["12.5", "25"]),
    ("24 HR Metformin hydrochloride {} MG Extended Release Oral Tablet", ["500", "750"]),
    ("Amoxicillin {} MG Oral Capsule", ["250", "500"]),
    ("Acetaminophen {} MG Oral Tablet", ["325", "500"]),
    ("Ibuprofen {} MG Oral Tablet", ["200", "400", "600", "800"]),
    ("Naproxen {} MG Oral Tablet", ["250", "500"]),
    ("losartan potassium {} MG Oral Tablet", ["25", "50", "100"]),
    ("24 HR metoprolol succinate {} MG Extended Release Oral Tablet", ["25", "50", "100", "200"]),
    ("omeprazole {} MG Delayed Release Oral Capsule", ["20", "40"]),
    ("Levothyroxine Sodium {} MG Oral Tablet", ["0.025", "0.05", "0.075", "0.1", "0.125"]),
    ("Furosemide {} MG Oral Tablet", ["20", "40"]),
    ("Warfarin Sodium {} MG Oral Tablet", ["1", "2", "5"]),
    ("Clopidogrel {} MG Oral Tablet", ["75"]),
    ("Aspirin {} MG Oral Tablet", ["81", "325"]),
    ("cetirizine hydrochloride {} MG Oral Tablet", ["5", "10"]),
    ("predniSONE {} MG Oral Tablet", ["5", "10", "20"]),
    ("Penicillin V Potassium {} MG Oral Tablet", ["250", "500"]),
    ("Azithromycin {} MG Oral Tablet", ["250", "500"]),
    ("Cephalexin {} MG Oral Capsule", ["250", "500"]),
    ("albuterol {} MG/ML Inhalation Solution", ["0.417", "0.83"]),
    ("budesonide {} MG/ML Inhalation Suspension", ["0.125", "0.25"]),
    ("Digoxin {} MG Oral Tablet", ["0.125", "0.25"]),
    ("carvedilol {} MG Oral Tablet", ["6.25", "12.5", "25"]),
    ("Alendronic acid {} MG Oral Tablet", ["10", "70"]),
    ("{} 28 Day Pack", ["Jolivette", "Camila", "Trinessa", "Errin"]),
    ("gabapentin {} MG Oral Capsule", ["100", "300", "400"]),
    ("pantoprazole {} MG Delayed Release Oral Tablet", ["20", "40"]),
    ("montelukast {} MG Oral Tablet", ["10"]),
    ("Fexofenadine hydrochloride {} MG Oral Tablet", ["30", "60", "180"]),
    ("spironolactone {} MG Oral Tablet", ["25", "50"]),
    ("Allopurinol {} MG Oral Tablet", ["100", "300"]),
    ("Doxycycline Hyclate {} MG Oral Capsule", ["50", "100"]),
]
RELEVANT = [
    ("sertraline {} MG Oral Tablet", ["25", "50", "100"]),
    ("Fluoxetine {} MG Oral Capsule", ["10", "20", "40"]),
    ("citalopram {} MG Oral Tablet", ["10", "20", "40"]),
    ("escitalopram {} MG Oral Tablet", ["5", "10", "20"]),
    ("PARoxetine {} MG Oral Tablet", ["10", "20", "40"]),
    ("24 HR venlafaxine {} MG Extended Release Oral Capsule", ["37.5", "75", "150"]),
    ("DULoxetine {} MG Delayed Release Oral Capsule", ["20", "30", "60"]),
    ("tramadol hydrochloride {} MG Oral Tablet", ["50", "100"]),
    ("traZODone hydrochloride {} MG Oral Tablet", ["50", "100", "150"]),
    ("24 HR buPROPion hydrochloride {} MG Extended Release Oral Tablet", ["150", "300"]),
    ("Lithium Carbonate {} MG Oral Capsule", ["150", "300", "600"]),
    ("Haloperidol {} MG Oral Tablet", ["0.5", "1", "5"]),
    ("Metoclopramide {} MG Oral Tablet", ["5", "10"]),
    ("Phenelzine {} MG Oral Tablet", ["15"]),
    ("Ondansetron {} MG Oral Tablet", ["4", "8"]),
    ("SUMAtriptan {} MG Oral Tablet", ["25", "50", "100"]),
    ("linezolid {} MG Oral Tablet", ["600"]),
    ("Methylphenidate Hydrochloride {} MG Oral Tablet", ["5", "10", "20"]),
    ("Amitriptyline Hydrochloride {} MG Oral Tablet", ["10", "25", "50"]),
    ("QUEtiapine {} MG Oral Tablet", ["25", "50", "100", "200"]),
    ("risperiDONE {} MG Oral Tablet", ["0.5", "1", "2"]),
    ("ARIPiprazole {} MG Oral Tablet", ["2", "5", "10"]),
    ("OLANZapine {} MG Oral Tablet", ["5", "10"]),
    ("Acetaminophen 325 MG / Oxycodone Hydrochloride {} MG Oral Tablet", ["5", "7.5", "10"]),
    ("Acetaminophen 325 MG / HYDROcodone Bitartrate {} MG Oral Tablet", ["5", "7.5", "10"]),
    ("72 HR Fentanyl {} MG/HR Transdermal System", ["0.012", "0.025", "0.05"]),
    ("Meperidine Hydrochloride {} MG Oral Tablet", ["50", "100"]),
    ("cyclobenzaprine hydrochloride {} MG Oral Tablet", ["5", "10"]),
    ("Promethazine Hydrochloride {} MG Oral Tablet", ["12.5", "25"]),
    ("mirtazapine {} MG Oral Tablet", ["15", "30"]),
    ("busPIRone hydrochloride {} MG Oral Tablet", ["5", "10"]),
    ("clonazePAM {} MG Oral Tablet", ["0.5", "1"]),
    ("Carbidopa 25 MG / Levodopa {} MG Oral Tablet", ["100", "250"]),
    ("valproic acid {} MG Oral Capsule", ["250"]),
    ("Nortriptyline Hydrochloride {} MG Oral Capsule", ["10", "25", "50"]),
    ("fluvoxamine maleate {} MG Oral Tablet", ["25", "50", "100"]),
    ("Imipramine Hydrochloride {} MG Oral Tablet", ["10", "25", "50"]),
    ("ziprasidone {} MG Oral Capsule", ["20", "40", "80"]),
    ("prochlorperazine maleate {} MG Oral Tablet", ["5", "10"]),
    ("rasagiline {} MG Oral Tablet", ["0.5", "1"]),
]
HEADER = "START,STOP,PATIENT,PAYER,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,PAYER_COVERAGE,DISPENSES,TOTALCOST,REASONCODE,REASONDESCRIPTION\n"


def rxnorm_strings() -> tuple[list[str], list[int]]:
    """About 200 distinct descriptions and their weights (everyday drugs three times as common)."""
    everyday = [template.format(value) for template, values in EVERYDAY for value in values]
    relevant = [template.format(value) for template, values in RELEVANT for value in values]
    return everyday + relevant, [3] * len(everyday) + [1] * len(relevant)


def main() -> None:
    rows, path = int(sys.argv[1]), sys.argv[2]
    shape = sys.argv[3] if len(sys.argv) > 3 else "runs"
    if shape not in ("runs", "grouped", "scattered"):
        sys.exit(f"unknown shape {shape!r}: use runs, grouped or scattered")
    generator = random.Random(42)
    per_patient = 60 if shape == "runs" else 7
    patients = [str(uuid.UUID(int=generator.getrandbits(128))) for _ in range(max(1, rows // per_patient))]
    payer = str(uuid.UUID(int=generator.getrandbits(128)))
    if shape == "runs":
        # The first eight descriptions are everyday drugs with no interaction: weight them up.
        descriptions, weights = DESCRIPTIONS, [6] * 8 + [1] * (len(DESCRIPTIONS) - 8)
    else:
        descriptions, weights = rxnorm_strings()
    # The same draws for `grouped` and `scattered`: only the patient column differs.
    placement = random.Random(7)
    run_left, patient = 0, patients[0]
    lines = []
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for index in range(rows):
            if shape == "runs":
                if run_left == 0:
                    run_left, patient = generator.randint(1, 36), generator.choice(patients)
                run_left -= 1
            elif shape == "grouped":
                patient = patients[min(index // per_patient, len(patients) - 1)]
            else:
                patient = patients[placement.randrange(len(patients))]
            year, month, day = generator.randint(1990, 2023), generator.randint(1, 12), generator.randint(1, 28)
            start = f"{year:04d}-{month:02d}-{day:02d}T08:00:00Z"
            stop = "" if generator.random() < 0.2 else f"{year + generator.randint(0, 1):04d}-{month:02d}-{day:02d}T08:00:00Z"
            description = generator.choices(descriptions, weights)[0]
            quoted = f'"{description}"' if generator.random() < 0.1 else description
            encounter = str(uuid.UUID(int=generator.getrandbits(128)))
            lines.append(f"{start},{stop},{patient},{payer},{encounter},308192,{quoted},"
                         f"12.50,0.00,{generator.randint(1, 12)},150.00,,\n")
            if len(lines) == 65536:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


if __name__ == "__main__":
    main()
