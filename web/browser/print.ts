// "Drucken": a button that opens the browser's print dialogue (the page's print styles make the
// handout). Printing needs a script, so the server renders the button hidden and this shows it.
import { printHooks as hooks } from '../shared/hooks.ts';

for (const button of document.querySelectorAll<HTMLButtonElement>(`button${hooks.button.selector}`)) {
  button.addEventListener('click', () => window.print());
  button.hidden = false;
}
