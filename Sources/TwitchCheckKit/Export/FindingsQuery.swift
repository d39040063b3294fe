/// `findings.sql`: `batch --format csv` as one SELECT that runs unchanged in DuckDB and Spark SQL.
///
/// The query reads four tables: `prescriptions(patient, medication, start_date, stop_date)`,
/// `medication_map` (`twitchcheck resolve`), `drug_findings` and `pair_findings`
/// (`twitchcheck export`). Every step mirrors one step of `batch`; each CTE's comment names
/// the step, so a change in `batch` has one obvious place to be mirrored. It uses only
/// functions both engines share (`trim`, `translate`, `substr`, `make_date`, `date + int`,
/// `chr`, `||`), with no engine-specific regular expressions or casts that fail.
public enum FindingsQuery {
    /// The SQL text written to `findings.sql`.
    public static let sql = """
    -- findings.sql, written by `twitchcheck export`: the rows of `twitchcheck batch --format csv`
    -- (patient, kind, effect, severity, drugs, overlap_start, summary, evidence, rule, sources)
    -- as one SELECT for DuckDB and Spark SQL. Tables:
    --   prescriptions(patient, medication, start_date, stop_date)   dates as text, DATE or TIMESTAMP
    --   medication_map(medication, drug, matched_by, suggestions)   `twitchcheck resolve`
    --   drug_findings, pair_findings                                `twitchcheck export`
    -- Row order: batch writes patients in file order; here they are sorted. Compare as sets.
    WITH
    -- 1. Rows as batch reads them: the medication without surrounding spaces and tabs; a row
    --    whose medication is empty is skipped. Dates become text ('YYYY-MM-DD...').
    rx AS (
        SELECT coalesce(CAST(patient AS STRING), '') AS patient,
               trim(BOTH ' ' || chr(9) FROM coalesce(CAST(medication AS STRING), '')) AS medication,
               coalesce(CAST(start_date AS STRING), '') AS start_text,
               coalesce(CAST(stop_date AS STRING), '') AS stop_text
        FROM prescriptions
    ),
    rx_named AS (
        SELECT * FROM rx WHERE medication <> ''
    ),
    -- 2. Dates as batch reads them (DayNumber.parse): the first ten characters must be
    --    YYYY-MM-DD with month 1-12 and day 1-31, else the date is unknown (NULL). An unknown
    --    start is open (-infinity); an unknown or empty stop is ongoing (+infinity).
    rx_checked AS (
        SELECT patient, medication, start_text, stop_text,
               length(start_text) >= 10 AND substr(start_text, 5, 1) = '-' AND substr(start_text, 8, 1) = '-'
                   AND translate(substr(start_text, 1, 4) || substr(start_text, 6, 2) || substr(start_text, 9, 2),
                                 '0123456789', '') = '' AS start_shaped,
               length(stop_text) >= 10 AND substr(stop_text, 5, 1) = '-' AND substr(stop_text, 8, 1) = '-'
                   AND translate(substr(stop_text, 1, 4) || substr(stop_text, 6, 2) || substr(stop_text, 9, 2),
                                 '0123456789', '') = '' AS stop_shaped
        FROM rx_named
    ),
    rx_parts AS (
        SELECT patient, medication,
               CASE WHEN start_shaped THEN CAST(substr(start_text, 1, 4) AS INT) END AS start_y,
               CASE WHEN start_shaped THEN CAST(substr(start_text, 6, 2) AS INT) END AS start_m,
               CASE WHEN start_shaped THEN CAST(substr(start_text, 9, 2) AS INT) END AS start_d,
               CASE WHEN stop_shaped THEN CAST(substr(stop_text, 1, 4) AS INT) END AS stop_y,
               CASE WHEN stop_shaped THEN CAST(substr(stop_text, 6, 2) AS INT) END AS stop_m,
               CASE WHEN stop_shaped THEN CAST(substr(stop_text, 9, 2) AS INT) END AS stop_d
        FROM rx_checked
    ),
    -- A day past the month's end (2021-02-30) counts on into the next month, as in batch.
    rx_dated AS (
        SELECT patient, medication,
               CASE WHEN start_m BETWEEN 1 AND 12 AND start_d BETWEEN 1 AND 31
                    THEN make_date(start_y, start_m, 1) + (start_d - 1) END AS start_day,
               CASE WHEN stop_m BETWEEN 1 AND 12 AND stop_d BETWEEN 1 AND 31
                    THEN make_date(stop_y, stop_m, 1) + (stop_d - 1) END AS stop_day
        FROM rx_parts
    ),
    -- 3. Drugs that some finding mentions: batch keeps spans of these only.
    relevant AS (
        SELECT drug FROM drug_findings
        UNION SELECT drug_a FROM pair_findings
        UNION SELECT drug_b FROM pair_findings
    ),
    -- 4. Each prescription's spans of relevant drugs (a row per ingredient). A stop before the
    --    start is moved to the start (the span is the start day), as in batch.
    spans AS (
        SELECT DISTINCT r.patient, m.drug, r.start_day,
               CASE WHEN r.stop_day IS NOT NULL AND r.start_day IS NOT NULL AND r.stop_day < r.start_day
                    THEN r.start_day ELSE r.stop_day END AS stop_day
        FROM rx_dated r
        JOIN medication_map m ON m.medication = r.medication
        WHERE m.drug IN (SELECT drug FROM relevant)
    ),
    patient_drugs AS (
        SELECT DISTINCT patient, drug FROM spans
    ),
    -- 5. Own risks: once per patient and drug, whatever the dates.
    own_rows AS (
        SELECT p.patient, f.kind, f.effect, f.severity, p.drug AS drugs, '' AS overlap_start,
               f.summary, f.evidence, f.rule, f.sources
        FROM patient_drugs p
        JOIN drug_findings f ON f.drug = p.drug
    ),
    -- 6. Two drugs of a patient overlap when some span of one and some span of the other share
    --    a day (a same-day switch counts). The overlap starts on the later of the two starts;
    --    the pair's first overlap is the earliest such day, unknown when both starts are open.
    covered_pairs AS (
        SELECT DISTINCT drug_a, drug_b FROM pair_findings
    ),
    span_overlaps AS (
        SELECT a.patient, a.drug AS drug_a, b.drug AS drug_b, a.stop_day AS stop_a, b.stop_day AS stop_b,
               CASE WHEN a.start_day IS NULL THEN b.start_day
                    WHEN b.start_day IS NULL THEN a.start_day
                    ELSE greatest(a.start_day, b.start_day) END AS first_day
        FROM spans a
        JOIN covered_pairs c ON c.drug_a = a.drug
        JOIN spans b ON b.patient = a.patient AND b.drug = c.drug_b
    ),
    pair_overlaps AS (
        SELECT patient, drug_a, drug_b,
               CASE WHEN max(CASE WHEN first_day IS NULL THEN 1 ELSE 0 END) = 1 THEN ''
                    ELSE CAST(min(first_day) AS STRING) END AS overlap_start
        FROM span_overlaps
        WHERE first_day IS NULL
           OR ((stop_a IS NULL OR first_day <= stop_a) AND (stop_b IS NULL OR first_day <= stop_b))
        GROUP BY patient, drug_a, drug_b
    ),
    -- 7. Combination findings of each overlapping pair: pair_findings holds what `check` gives
    --    for the two drugs (one finding per effect, the strongest), as batch prints per pair.
    pair_rows AS (
        SELECT o.patient, f.kind, f.effect, f.severity, f.drugs, o.overlap_start,
               f.summary, f.evidence, f.rule, f.sources
        FROM pair_overlaps o
        JOIN pair_findings f ON f.drug_a = o.drug_a AND f.drug_b = o.drug_b
    ),
    -- 8. Medications not recognised (an empty drug in medication_map, or no row there at all):
    --    a row per patient and name, never silence.
    unrecognized_rows AS (
        SELECT DISTINCT r.patient, 'unrecognized' AS kind, '' AS effect, '' AS severity, r.medication AS drugs,
               '' AS overlap_start,
               'not recognised, so not checked'
                   || CASE WHEN coalesce(m.suggestions, '') <> '' THEN '; did you mean: ' || m.suggestions ELSE '' END AS summary,
               '' AS evidence, '' AS rule, '' AS sources
        FROM rx_named r
        LEFT JOIN medication_map m ON m.medication = r.medication
        WHERE m.medication IS NULL OR coalesce(m.drug, '') = ''
    ),
    all_rows AS (
        SELECT * FROM own_rows
        UNION ALL SELECT * FROM pair_rows
        UNION ALL SELECT * FROM unrecognized_rows
    )
    SELECT patient, kind, effect, severity, drugs, overlap_start, summary, evidence,
           coalesce(rule, '') AS rule, coalesce(sources, '') AS sources
    FROM all_rows
    ORDER BY patient,
             CASE kind WHEN 'unrecognized' THEN 1 ELSE 0 END,
             CASE severity WHEN 'contraindicated' THEN 0 WHEN 'major' THEN 1 WHEN 'moderate' THEN 2 ELSE 3 END,
             CASE kind WHEN 'combination' THEN 0 ELSE 1 END,
             effect, drugs

    """
}
