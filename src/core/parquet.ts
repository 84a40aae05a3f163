/**
 * A table as Parquet bytes, written by DuckDB with one thread so the same table gives the
 * same file every run. One writer for every Parquet file the program writes (the panel,
 * the multiverse's specifications).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

/** SQL types a column can have. */
export type ParquetType = "VARCHAR" | "INTEGER" | "DOUBLE" | "TINYINT" | "BOOLEAN";

/** One column: its name, SQL type and values (null = missing), all columns the same length. */
export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetType;
  readonly values: ArrayLike<string | number | boolean | null>;
}

/** Write the columns as a zstd-compressed Parquet file and return its bytes. */
export async function parquetBytes(columns: readonly ParquetColumn[], nrows: number): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "pkt-parquet-"));
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const con = await instance.connect();
  try {
    const ddl = columns.map((c) => `"${c.name.replace(/"/g, '""')}" ${c.type}`).join(", ");
    await con.run(`CREATE TABLE t (${ddl})`);
    const app = await con.createAppender("t");
    for (let i = 0; i < nrows; i++) {
      for (const c of columns) {
        const v = c.values[i];
        if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) app.appendNull();
        else if (c.type === "VARCHAR") app.appendVarchar(String(v));
        else if (c.type === "INTEGER") app.appendInteger(v as number);
        else if (c.type === "TINYINT") app.appendTinyInt(v as number);
        else if (c.type === "BOOLEAN") app.appendBoolean(v as boolean);
        else app.appendDouble(v as number);
      }
      app.endRow();
    }
    app.closeSync();
    const file = join(dir, "t.parquet").replace(/'/g, "''");
    await con.run(`COPY (SELECT * FROM t) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
    return new Uint8Array(readFileSync(file));
  } finally {
    con.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
