/// `findings.sql`: `batch --format csv` as one SELECT that runs unchanged in DuckDB and Spark SQL.
///
/// The query reads five tables: `prescriptions(patient, medication, start_date, stop_date)`,
/// `medication_map` (`twitchcheck resolve`), `drug_findings`, `pair_findings` and
/// `washout_intervals` (`twitchcheck export`). Every step mirrors one step of `batch`; each CTE's comment names
/// the step, so a change in `batch` has one obvious place to be mirrored. It uses only
/// functions both engines share (`trim`, `translate`, `substr`, `length`, `%`, `chr`, `||`,
/// `greatest`, `floor`, `upper`, `row_number`), with no engine-specific regular expressions, date functions or casts that
/// fail: a day is kept as its `YYYY-MM-DD` text, which sorts as the days do, so year 0000,
/// February 29 and dates with a time behave the same in both engines; where a number of days
/// between two days is needed, it is computed from the year, month and day by arithmetic.
public enum FindingsQuery {
    /// The SQL text written to `findings.sql`.
    public static let sql = """
    -- findings.sql, written by `twitchcheck export`: the rows of `twitchcheck batch --format csv`
    -- (patient, kind, effect, severity, drugs, overlap_start, summary, evidence, rule, sources)
    -- as one SELECT for DuckDB and Spark SQL. Tables:
    --   prescriptions(patient, medication, start_date, stop_date)   dates as text, DATE or TIMESTAMP
    --   medication_map(medication, drug, matched_by, suggestions, unmatched_words, recognised)
    --                                                               `twitchcheck resolve`
    --   drug_findings, pair_findings, washout_intervals             `twitchcheck export`
    -- Row order: batch writes patients in file order; here they are sorted. Compare as sets.
    WITH
    -- 1. Rows as batch reads them: the medication without surrounding spaces and tabs; a row
    --    whose medication is empty, or whose patient id is empty or only spaces and tabs, is
    --    skipped (batch reports it as a skipped row). Dates become text ('YYYY-MM-DD...').
    rx AS (
        SELECT coalesce(CAST(patient AS STRING), '') AS patient,
               trim(BOTH ' ' || chr(9) FROM coalesce(CAST(medication AS STRING), '')) AS medication,
               coalesce(CAST(start_date AS STRING), '') AS start_text,
               coalesce(CAST(stop_date AS STRING), '') AS stop_text
        FROM prescriptions
    ),
    rx_named AS (
        SELECT * FROM rx WHERE medication <> '' AND trim(BOTH ' ' || chr(9) FROM patient) <> ''
    ),
    -- 2. Drugs that some finding mentions: batch keeps spans of these only.
    relevant AS (
        SELECT drug FROM drug_findings
        UNION SELECT drug_a FROM pair_findings
        UNION SELECT drug_b FROM pair_findings
    ),
    -- 3. A row per prescription and relevant drug (a combination product gives several);
    --    dates are parsed only for these rows, the few that matter.
    rx_drugs AS (
        SELECT r.patient, m.drug, r.start_text, r.stop_text
        FROM rx_named r
        JOIN medication_map m ON m.medication = r.medication
        WHERE m.drug IN (SELECT drug FROM relevant)
    ),
    -- 4. Dates as batch reads them (DayNumber.parse): the text is YYYY-MM-DD, alone or followed
    --    by 'T' or a space and a time, with month 1-12 and a day that exists in that month
    --    (February 29 only in leap years), else it is not a date (NULL), read as empty: an
    --    unknown start is open (-infinity), an unknown stop ongoing (+infinity). A day is kept
    --    as its ten characters, which compare as the days do, and as a day number (days since
    --    a fixed day, by the civil-calendar formula) for washout gaps. Each distinct text is parsed once.
    date_texts AS (
        SELECT start_text AS text FROM rx_drugs
        UNION SELECT stop_text FROM rx_drugs
    ),
    date_checked AS (
        SELECT text,
               length(text) >= 10 AND substr(text, 5, 1) = '-' AND substr(text, 8, 1) = '-'
                   AND (length(text) = 10 OR substr(text, 11, 1) IN ('T', ' '))
                   AND translate(substr(text, 1, 4) || substr(text, 6, 2) || substr(text, 9, 2), '0123456789', '') = ''
                   AS shaped
        FROM date_texts
    ),
    date_parts AS (
        SELECT text,
               CASE WHEN shaped THEN CAST(substr(text, 1, 4) AS INT) END AS y,
               CASE WHEN shaped THEN CAST(substr(text, 6, 2) AS INT) END AS m,
               CASE WHEN shaped THEN CAST(substr(text, 9, 2) AS INT) END AS d
        FROM date_checked
    ),
    date_days AS (
        SELECT text, y, m, d,
               CASE WHEN m BETWEEN 1 AND 12 AND d >= 1
                         AND d <= CASE WHEN m = 2 THEN CASE WHEN y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0)
                                                            THEN 29 ELSE 28 END
                                       WHEN m IN (4, 6, 9, 11) THEN 30
                                       ELSE 31 END
                    THEN substr(text, 1, 10) END AS day
        FROM date_parts
    ),
    -- Days counted from March of year -400, so that every year in the formula is positive:
    -- ya is the year a March-to-February year starts in, mp the month counted from March.
    date_years AS (
        SELECT text, day, d, y + 400 - CASE WHEN m <= 2 THEN 1 ELSE 0 END AS ya, (m + 9) % 12 AS mp
        FROM date_days
    ),
    date_numbers AS (
        SELECT text, day,
               CASE WHEN day IS NOT NULL
                    THEN 365 * ya + CAST(floor(ya / 4) AS BIGINT) - CAST(floor(ya / 100) AS BIGINT)
                         + CAST(floor(ya / 400) AS BIGINT) + CAST(floor((153 * mp + 2) / 5) AS BIGINT) + d END AS number
        FROM date_years
    ),
    rx_dated AS (
        SELECT r.patient, r.drug, s.day AS start_day, e.day AS stop_day,
               s.number AS start_number, e.number AS stop_number
        FROM rx_drugs r
        JOIN date_numbers s ON s.text = r.start_text
        JOIN date_numbers e ON e.text = r.stop_text
    ),
    -- 5. Each patient's spans of each drug. A stop before its start is checked with the two
    --    dates swapped, as in batch.
    spans AS (
        SELECT DISTINCT patient, drug,
               CASE WHEN stop_day < start_day THEN stop_day ELSE start_day END AS start_day,
               CASE WHEN stop_day < start_day THEN start_day ELSE stop_day END AS stop_day,
               CASE WHEN stop_day < start_day THEN stop_number ELSE start_number END AS start_number,
               CASE WHEN stop_day < start_day THEN start_number ELSE stop_number END AS stop_number
        FROM rx_dated
    ),
    patient_drugs AS (
        SELECT DISTINCT patient, drug FROM spans
    ),
    -- 6. Own risks: once per patient and drug, whatever the dates.
    own_rows AS (
        SELECT p.patient, f.kind, f.effect, f.severity, p.drug AS drugs, '' AS overlap_start,
               f.summary, f.evidence, f.rule, f.sources
        FROM patient_drugs p
        JOIN drug_findings f ON f.drug = p.drug
    ),
    -- 7. Two drugs of a patient overlap when some span of one and some span of the other share
    --    a day (a same-day switch counts). The overlap starts on the later of the two starts;
    --    the pair's first overlap is the earliest such day, unknown when both starts are open.
    covered_pairs AS (
        SELECT DISTINCT drug_a, drug_b FROM pair_findings
    ),
    patient_pairs AS (
        SELECT a.patient, c.drug_a, c.drug_b
        FROM patient_drugs a
        JOIN covered_pairs c ON c.drug_a = a.drug
        JOIN patient_drugs b ON b.patient = a.patient AND b.drug = c.drug_b
    ),
    span_overlaps AS (
        SELECT p.patient, p.drug_a, p.drug_b, a.stop_day AS stop_a, b.stop_day AS stop_b,
               CASE WHEN a.start_day IS NULL THEN b.start_day
                    WHEN b.start_day IS NULL THEN a.start_day
                    ELSE greatest(a.start_day, b.start_day) END AS first_day
        FROM patient_pairs p
        JOIN spans a ON a.patient = p.patient AND a.drug = p.drug_a
        JOIN spans b ON b.patient = p.patient AND b.drug = p.drug_b
    ),
    pair_overlaps AS (
        SELECT patient, drug_a, drug_b,
               CASE WHEN max(CASE WHEN first_day IS NULL THEN 1 ELSE 0 END) = 1 THEN ''
                    ELSE min(first_day) END AS overlap_start
        FROM span_overlaps
        WHERE first_day IS NULL
           OR ((stop_a IS NULL OR first_day <= stop_a) AND (stop_b IS NULL OR first_day <= stop_b))
        GROUP BY patient, drug_a, drug_b
    ),
    -- 8. Combination findings of each overlapping pair: pair_findings holds what `check` gives
    --    for the two drugs (one finding per effect, the strongest), as batch prints per pair.
    pair_rows AS (
        SELECT o.patient, f.kind, f.effect, f.severity, f.drugs, o.overlap_start,
               f.summary, f.evidence, f.rule, f.sources
        FROM pair_overlaps o
        JOIN pair_findings f ON f.drug_a = o.drug_a AND f.drug_b = o.drug_b
    ),
    -- 9. Washout (WashoutChecker.firstViolation): a covered pair whose spans never overlap.
    --    In each direction with an interval in washout_intervals (stopped drug, started drug),
    --    a start's gap is the days since the last stop strictly before it (a known stop, a known
    --    start); the direction's gap is its smallest, the earliest start on a tie. A direction
    --    whose gap is under its interval is a violation; of the two, the smaller gap is reported,
    --    drug_a stopped and drug_b started on a tie, with the later drug's start as its day;
    --    the drugs are named in name order, drug_a+drug_b, as batch names them.
    apart_pairs AS (
        SELECT p.patient, p.drug_a, p.drug_b
        FROM patient_pairs p
        LEFT JOIN pair_overlaps o ON o.patient = p.patient AND o.drug_a = p.drug_a AND o.drug_b = p.drug_b
        WHERE o.patient IS NULL
    ),
    apart_directions AS (
        SELECT patient, drug_a, drug_b, drug_a AS stopped, drug_b AS started, 0 AS direction FROM apart_pairs
        UNION ALL
        SELECT patient, drug_a, drug_b, drug_b AS stopped, drug_a AS started, 1 AS direction FROM apart_pairs
    ),
    washout_gaps AS (
        SELECT p.patient, p.drug_a, p.drug_b, p.direction, w.stopped_drug, w.started_drug, w.days, w.rule,
               w.effect, w.severity, w.source, w.summary, s.start_day, s.start_number,
               s.start_number - e.stop_number AS gap
        FROM apart_directions p
        JOIN washout_intervals w ON w.stopped_drug = p.stopped AND w.started_drug = p.started
        JOIN spans e ON e.patient = p.patient AND e.drug = p.stopped
        JOIN spans s ON s.patient = p.patient AND s.drug = p.started
        WHERE e.stop_number < s.start_number AND s.start_number - e.stop_number < CAST(w.days AS INT)
    ),
    washout_ranked AS (
        SELECT *, row_number() OVER (PARTITION BY patient, drug_a, drug_b
                                     ORDER BY gap, direction, start_number) AS place
        FROM washout_gaps
    ),
    washout_rows AS (
        SELECT patient, 'combination' AS kind, effect, severity, drug_a || '+' || drug_b AS drugs,
               start_day AS overlap_start,
               upper(substr(started_drug, 1, 1)) || substr(started_drug, 2) || ' was started '
                   || CAST(gap AS STRING) || ' day' || CASE WHEN gap = 1 THEN '' ELSE 's' END || ' after '
                   || stopped_drug || ' was stopped; at least ' || days || ' days must pass. ' || summary AS summary,
               'established' AS evidence, rule, source AS sources
        FROM washout_ranked
        WHERE place = 1
    ),
    -- 10. Medications not recognised (an empty drug in medication_map, or no row there at all):
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
    -- 11. Names recognised with words left over (a non-empty unmatched_words in medication_map):
    --     their drugs are checked above, and a row per patient and name says what was not.
    unrecognized_word_rows AS (
        SELECT DISTINCT r.patient, 'unrecognized_words' AS kind, '' AS effect, '' AS severity, r.medication AS drugs,
               '' AS overlap_start,
               'words not understood, so not checked: ' || m.unmatched_words
                   || ' (recognised: ' || coalesce(m.recognised, '') || ')' AS summary,
               '' AS evidence, '' AS rule, '' AS sources
        FROM rx_named r
        JOIN medication_map m ON m.medication = r.medication
        WHERE coalesce(m.unmatched_words, '') <> ''
    ),
    all_rows AS (
        SELECT * FROM own_rows
        UNION ALL SELECT * FROM pair_rows
        UNION ALL SELECT * FROM washout_rows
        UNION ALL SELECT * FROM unrecognized_rows
        UNION ALL SELECT * FROM unrecognized_word_rows
    )
    SELECT patient, kind, effect, severity, drugs, overlap_start, summary, evidence,
           coalesce(rule, '') AS rule, coalesce(sources, '') AS sources
    FROM all_rows
    ORDER BY patient,
             CASE kind WHEN 'unrecognized' THEN 1 WHEN 'unrecognized_words' THEN 2 ELSE 0 END,
             CASE severity WHEN 'contraindicated' THEN 0 WHEN 'major' THEN 1 WHEN 'moderate' THEN 2 ELSE 3 END,
             CASE kind WHEN 'combination' THEN 0 ELSE 1 END,
             effect, drugs

    """
}
