// The pages around the article (the lab, the embedding guide, the figure pages): the language
// switch in their top bar, which their figures follow (kit/lang.js), and links that keep the language.
import { setupLangSwitch } from './kit/lang-switch.js';

setupLangSwitch();
