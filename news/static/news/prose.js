// The article body's rich-text editor: django-prose-editor's ProseMirror bundle (shipped in the
// Python package, served from our static files), imported by path so that no inline import map
// is needed under our Content-Security-Policy. Only what news/richtext.py keeps is offered.
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  HardBreak,
  Heading,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
  Underline,
  createTextareaEditor,
} from "../django_prose_editor/editor.js";

document.querySelectorAll("textarea[data-prose-editor]").forEach((textarea) => {
  if (textarea.closest(".prose-editor")) return;
  createTextareaEditor(textarea, [
    Document,
    Paragraph,
    Text,
    HardBreak,
    History,
    Menu,
    Bold,
    Italic,
    Underline,
    Heading.configure({ levels: [2, 3] }),
    BulletList,
    OrderedList,
    ListItem,
    Blockquote,
    Link,
  ]);
});
