using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dateline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WordPressImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginalId",
                table: "Articles",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OldAddresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OldAddresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OldAddresses_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_OriginalId",
                table: "Articles",
                column: "OriginalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OldAddresses_ArticleId",
                table: "OldAddresses",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_OldAddresses_Path",
                table: "OldAddresses",
                column: "Path",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OldAddresses");

            migrationBuilder.DropIndex(
                name: "IX_Articles_OriginalId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "OriginalId",
                table: "Articles");
        }
    }
}
