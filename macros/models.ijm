// List the installed models, then import a model file of your own and list again.
// The list is the table "Renovo models" (in Fiji's GUI; headless, the log has the summary).
run("Models...", "action=list file=[] model=[] task=auto scale=0");
if (isOpen("Renovo models"))
	for (row = 0; row < Table.size("Renovo models"); row++)
		print(Table.getString("id", row, "Renovo models") + ": " + Table.getString("task", row, "Renovo models") + ", " + Table.getString("status", row, "Renovo models"));
// An .onnx file, or an ncnn .param with its .bin beside it; model= is the new id (blank: the file name).
file = File.openDialog("An .onnx or ncnn .param model file");
run("Models...", "action=import file=[" + file + "] model=[] task=auto scale=0");
run("Models...", "action=verify file=[] model=[] task=auto scale=0");
