using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dateline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Outside the model: EF has no notion of FTS5 tables. Features/Search keeps it filled;
            // the rowid is the article's id. Existing articles are indexed at the next start.
            // U+E002 stands for "<" in indexed text (see SearchText) and must split words.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE \"ArticleSearch\" USING fts5(\"Headline\", \"Dek\", \"Body\", \"Authors\", \"Topics\", "
                + "tokenize = 'porter unicode61 remove_diacritics 2 separators \uE002', prefix = '2 3');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "ArticleSearch";""");
        }
    }
}
