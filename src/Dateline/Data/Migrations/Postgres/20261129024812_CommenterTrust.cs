using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dateline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommenterTrust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_AuthorEmail",
                table: "Comments");

            migrationBuilder.AddColumn<string>(
                name: "CommenterKey",
                table: "Comments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorEmail_Status",
                table: "Comments",
                columns: new[] { "AuthorEmail", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorIp_CreatedAt",
                table: "Comments",
                columns: new[] { "AuthorIp", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_AuthorEmail_Status",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_AuthorIp_CreatedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "CommenterKey",
                table: "Comments");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorEmail",
                table: "Comments",
                column: "AuthorEmail");
        }
    }
}
