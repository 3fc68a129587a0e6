using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dateline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A four-letter prefix index: without it, a query such as "gove*" merges the doclists
            // of every word that starts so, which is most of the time a common-word search takes.
            // FTS5 cannot change prefix indexes in place, so the table is copied into a new one.
            Rebuild(migrationBuilder, "2 3 4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, "2 3");
        }

        private static void Rebuild(MigrationBuilder migrationBuilder, string prefixes)
        {
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE \"ArticleSearchNew\" USING fts5(\"Headline\", \"Dek\", \"Body\", \"Authors\", \"Topics\", "
                + $"tokenize = 'porter unicode61 remove_diacritics 2 separators \uE002', prefix = '{prefixes}');");
            migrationBuilder.Sql("""
                INSERT INTO "ArticleSearchNew" (rowid, "Headline", "Dek", "Body", "Authors", "Topics")
                    SELECT rowid, "Headline", "Dek", "Body", "Authors", "Topics" FROM "ArticleSearch";
                """);
            migrationBuilder.Sql("""DROP TABLE "ArticleSearch";""");
            migrationBuilder.Sql("""ALTER TABLE "ArticleSearchNew" RENAME TO "ArticleSearch";""");
        }
    }
}
