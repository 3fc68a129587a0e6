using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dateline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Outside the model, so that the generated tsvector column and its GIN index stay
            // written as PostgreSQL wants them. Features/Search keeps it filled; existing articles
            // are indexed at the next start.
            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearch" (
                    "ArticleId" integer PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    "Headline" text NOT NULL,
                    "Dek" text NOT NULL,
                    "Body" text NOT NULL,
                    "Authors" text NOT NULL,
                    "Topics" text NOT NULL,
                    "Document" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', "Headline"), 'A')
                        || setweight(to_tsvector('english', "Dek"), 'B')
                        || setweight(to_tsvector('english', "Authors" || ' ' || "Topics"), 'B')
                        || setweight(to_tsvector('english', "Body"), 'C')) STORED);
                CREATE INDEX "IX_ArticleSearch_Document" ON "ArticleSearch" USING GIN ("Document");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "ArticleSearch";""");
        }
    }
}
