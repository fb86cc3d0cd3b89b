import './styles.css';

const app = document.getElementById('app');
if (app) app.textContent = 'TTS Profit';
