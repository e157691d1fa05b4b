import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The DuckDB side of csv-vs-duckdb.sh: NPS by channel over read_csv_auto, through DuckDB's JDBC
 * driver (org.duckdb:duckdb_jdbc). Prints "channel TAB n TAB nps" per channel, ordered by channel,
 * then "threads TAB N". Usage: DuckDbNps FILE [THREADS] (default: DuckDB's own, the core count).
 */
public final class DuckDbNps {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            if (args.length > 1) {
                s.execute("SET threads = " + Integer.parseInt(args[1]));
            }
            String file = args[0].replace("'", "''");
            try (ResultSet r = s.executeQuery("SELECT channel, count(nps) AS n,"
                    + " 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps) AS nps"
                    + " FROM read_csv_auto('" + file + "') GROUP BY channel ORDER BY channel")) {
                while (r.next()) {
                    System.out.println(r.getString(1) + "\t" + r.getLong(2) + "\t" + r.getDouble(3));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT current_setting('threads')")) {
                r.next();
                System.out.println("threads\t" + r.getString(1));
            }
        }
    }
}
