#!/usr/bin/env python3
"""twitchcheck's findings over prescriptions with Spark: read, resolve on the driver, broadcast,
run findings.sql, write Parquet.

    spark-submit Export/spark_findings.py medications.csv findings_parquet/ --layout synthea

The distinct medication strings are few (thousands) even when rows are billions: they are
collected to the driver, resolved once with `twitchcheck resolve`, and the small map is
broadcast, as are the three knowledge tables from `twitchcheck export`. The rows equal
`twitchcheck batch --format csv` on the same data.
"""
import os
import sys
import tempfile

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import twitchcheck_export as tc  # noqa: E402


def read_table(spark, path):
    """A CSV (header, RFC 4180, line breaks inside quotes) or Parquet file, every column as text."""
    if path.endswith(".parquet") or os.path.isdir(path):
        return spark.read.parquet(path)
    return spark.read.csv(path, header=True, multiLine=True, quote='"', escape='"', inferSchema=False)


def register(spark, workdir, binary, prescriptions):
    """Registers prescriptions, medication_map and the knowledge tables (tc.table_files); returns findings.sql."""
    sql = tc.export(binary, workdir)
    prescriptions.createOrReplaceTempView("prescriptions")
    names = [row[0] for row in prescriptions.select("medication").distinct().collect()]
    map_path = tc.resolve(binary, names, os.path.join(workdir, "medication_map.csv"))
    for table, path in tc.table_files(workdir, map_path):
        # Read on the driver and broadcast: small tables, and the executors need no shared file system.
        header, *rows = tc.read_csv_rows(path)
        frame = spark.createDataFrame(rows, schema=", ".join(f"`{name}` string" for name in header))
        F.broadcast(frame).createOrReplaceTempView(table)
    return sql


def main():
    parser = tc.recipe_arguments(__doc__, "a folder for the findings as Parquet")
    args = parser.parse_args()
    columns = tc.columns_from(args)
    spark = SparkSession.builder.appName("twitchcheck-findings").getOrCreate()
    raw = read_table(spark, args.input)
    prescriptions = raw.select(*[F.col(f"`{columns[role]}`").cast("string").alias(role)
                                 for role in tc.ROLES])
    with tempfile.TemporaryDirectory() as workdir:
        sql = register(spark, workdir, tc.twitchcheck_binary(args.twitchcheck), prescriptions)
        # mode "error": an existing output folder is never replaced.
        spark.sql(sql).write.mode("error").parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
